package io.github.landmarkj.batch;

import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.io.ImageStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writing one image's outputs under an output folder's record ({@link BatchJournal}), for the folder batch
 * and for single images (Fiji's Detect Landmarks): the files about to be written are claimed in the record
 * first (a run that dies while writing leaves them recorded as unfinished, never taken for a result), then
 * written atomically, and then the files an earlier result of the same image listed and this one did not
 * write again (e.g. {@code <stem>_3.pts} of a face no longer there) are deleted. Only files the record
 * lists are ever deleted: a user's file of the same name pattern is kept.
 */
public final class RecordedOutputs implements AutoCloseable {
	private final Path root;
	private final Map<String, ImageRecord> earlier;
	private final BatchJournal journal;

	private RecordedOutputs(Path root, Map<String, ImageRecord> earlier, BatchJournal journal) {
		this.root = root;
		this.earlier = earlier;
		this.journal = journal;
	}

	/** Reads the record of {@code outputFolder} (created if needed) and opens it for appending. */
	public static RecordedOutputs open(Path outputFolder) throws IOException {
		Files.createDirectories(outputFolder);
		return new RecordedOutputs(outputFolder, BatchJournal.read(outputFolder), BatchJournal.open(outputFolder));
	}

	/**
	 * The outputs of one image, named {@code stem} in the output folder. Existing files are replaced when
	 * {@code overwrite}, or when they are what an unfinished earlier run of this image left; otherwise the
	 * image's outputs are not written ({@link java.nio.file.FileAlreadyExistsException}).
	 *
	 * @param imageName how the record names the image (a title, or a path relative to the input folder)
	 * @return the files written
	 */
	public List<Path> write(String imageName, String stem, RgbImage image, List<FaceResult> faces, LandmarkScheme scheme,
			boolean overwrite) throws IOException {
		ImageRecord before = earlier.get(imageName);
		Set<Path> unfinished = before == null || before.finishedIn(root) ? Collections.emptySet() : absolute(before.outputs);
		List<String> names = write(journal, root, imageName, new ImageOutputs(root, stem), before == null ? Collections.emptyList()
				: before.outputs, image, faces, scheme, p -> overwrite || unfinished.contains(p.toAbsolutePath().normalize()), false);
		ImageRecord done = new ImageRecord(imageName, ImageStatus.OK, faces.size(),
				faces.stream().mapToDouble(f -> f.landmarks().meanConfidence()).average().orElse(Double.NaN), "", names);
		journal.append(done);
		earlier.put(imageName, done);
		List<Path> written = new ArrayList<>();
		for (String n : names) {
			written.add(root.resolve(n));
		}
		return written;
	}

	/**
	 * Claims, writes and cleans up one image's outputs (see the class comment); the caller appends the
	 * finished record.
	 *
	 * @param recorded the outputs the record lists for this image from earlier runs
	 * @return the names written, relative to {@code root}
	 */
	static List<String> write(BatchJournal journal, Path root, String imageName, ImageOutputs outputs, List<String> recorded,
			RgbImage image, List<FaceResult> faces, LandmarkScheme scheme, Predicate<Path> mayReplace, boolean annotated) throws IOException {
		List<Path> targets = outputs.targets(faces.size(), annotated);
		// Refused before the claim: a refusal leaves the record of an earlier result as it was.
		ImageOutputs.requireReplaceable(targets, mayReplace);
		// Recorded before writing: if the run dies now, the rerun knows these files are this tool's and unfinished.
		List<String> claimed = new ArrayList<>(recorded);
		for (Path t : targets) {
			String o = name(root, t);
			if (!claimed.contains(o)) {
				claimed.add(o);
			}
		}
		journal.append(ImageRecord.error(imageName, "the run stopped while this image's outputs were being written", claimed));
		List<Path> written = outputs.write(imageName, image, faces, scheme, mayReplace, annotated);
		List<String> names = new ArrayList<>();
		for (Path p : written) {
			names.add(name(root, p));
		}
		for (String o : recorded) {
			if (!names.contains(o)) {
				Files.deleteIfExists(root.resolve(o));
			}
		}
		return names;
	}

	/** {@code p} relative to the output folder, '/'-separated: how the record names outputs. */
	static String name(Path root, Path p) {
		return root.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
	}

	private Set<Path> absolute(List<String> outputs) {
		Set<Path> s = new HashSet<>();
		for (String o : outputs) {
			s.add(root.resolve(o).toAbsolutePath().normalize());
		}
		return s;
	}

	@Override
	public void close() throws IOException {
		journal.close();
	}
}
