package io.github.landmarkj.train;

import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A folder of recorded synthetic sequences, one file each ({@code seq-00000.bin}, ...), so that the
 * expensive per-frame network runs once and training reads its outputs. Filling is resumable: sequence
 * {@code i} is drawn from its own seed, and files already there are kept.
 */
public final class SequenceCache {
	private final Path folder;

	public SequenceCache(Path folder) {
		this.folder = folder;
	}

	public Path folder() {
		return folder;
	}

	/**
	 * Records {@code count} sequences, sequence i from face i of the faces shuffled by {@code seed} (faces
	 * repeat when there are fewer faces than sequences).
	 */
	public void fill(List<AnnotatedFace> faces, int count, long seed, SyntheticVideo.Settings settings, double faceSideAtInput,
			SequenceRecorder recorder, BooleanSupplier cancelled, Consumer<String> log) throws IOException {
		if (faces.isEmpty()) {
			throw new IOException("No annotated faces to make sequences from");
		}
		Files.createDirectories(folder);
		List<AnnotatedFace> order = new ArrayList<>(faces);
		Collections.shuffle(order, new Random(seed));
		long t0 = System.nanoTime();
		int made = 0;
		for (int i = 0; i < count && !cancelled.getAsBoolean(); i++) {
			Path file = folder.resolve(String.format("seq-%05d.bin", i));
			if (Files.isRegularFile(file)) {
				continue;
			}
			AnnotatedFace face = order.get(i % order.size());
			LoadedFace loaded = LoadedFace.shrunkFor(face.id(), ImageFiles.read(face.image()), face.points(), faceSideAtInput);
			Random rng = new Random(seed * 1_000_003L + i);
			recorder.record(SyntheticVideo.random(loaded, settings, rng)).write(file);
			made++;
			if (made % 20 == 0) {
				log.accept(String.format("%s: %d of %d sequences (%.2f s each)", folder.getFileName(), i + 1, count,
						(System.nanoTime() - t0) / 1e9 / made));
			}
		}
	}

	/** Every sequence in the folder, in file-name order. */
	public List<LabelledSequence> load() throws IOException {
		if (!Files.isDirectory(folder)) {
			throw new IOException("No sequence cache at " + folder);
		}
		List<Path> files;
		try (Stream<Path> s = Files.list(folder)) {
			files = s.filter(p -> p.getFileName().toString().matches("seq-\\d+\\.bin")).sorted().collect(Collectors.toList());
		}
		List<LabelledSequence> out = new ArrayList<>(files.size());
		for (Path f : files) {
			out.add(LabelledSequence.read(f));
		}
		return out;
	}
}
