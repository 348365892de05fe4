package io.github.landmarkj.train;

import ai.djl.Device;
import io.github.landmarkj.engine.TemporalKind;
import io.github.landmarkj.video.LearnedSmoother;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw / One-Euro (default and tuned) / bundled learned model on recorded held-out sequences, e.g. to
 * compare two recordings of the same videos: {@code TemporalComparisonDemo FOLDER [OTHER_FOLDER]} uses
 * the sequence files present in every folder given. The tuned filter setting is the bundled card's.
 */
public final class TemporalComparisonDemo {
	private TemporalComparisonDemo() {
	}

	public static void main(String[] args) throws Exception {
		List<Path> folders = new ArrayList<>();
		for (String a : args) {
			folders.add(Paths.get(a));
		}
		FilterTuning.Setting tuned = new FilterTuning.Setting(20, 120, Double.NaN, Double.NaN);
		try (LearnedSmoother learned = LearnedSmoother.open(TemporalKind.BUNDLED_NAME, Device.cpu())) {
			for (Path folder : folders) {
				List<LabelledSequence> sequences = new ArrayList<>();
				try (java.util.stream.Stream<Path> files = Files.list(folders.get(folders.size() - 1))) {
					for (Path f : (Iterable<Path>) files.sorted()::iterator) {
						Path here = folder.resolve(f.getFileName());
						boolean everywhere = f.getFileName().toString().endsWith(".bin");
						for (Path other : folders) {
							everywhere &= Files.isRegularFile(other.resolve(f.getFileName()));
						}
						if (everywhere) {
							sequences.add(LabelledSequence.read(here));
						}
					}
				}
				System.out.println(folder + ": " + sequences.size() + " sequences");
				TemporalComparison.run(sequences, tuned, learned, 36, 45).lines().forEach(System.out::println);
			}
		}
	}
}
