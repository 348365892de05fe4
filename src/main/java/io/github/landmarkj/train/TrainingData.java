package io.github.landmarkj.train;

import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The training and validation faces, decoded into memory, split by a {@link ValidationSplit}. */
public final class TrainingData {
	public final List<LoadedFace> training;
	public final List<LoadedFace> validation;
	public final List<String> skipped;

	private TrainingData(List<LoadedFace> training, List<LoadedFace> validation, List<String> skipped) {
		this.training = Collections.unmodifiableList(training);
		this.validation = Collections.unmodifiableList(validation);
		this.skipped = Collections.unmodifiableList(skipped);
	}

	public static TrainingData of(List<LoadedFace> training, List<LoadedFace> validation) {
		return new TrainingData(new ArrayList<>(training), new ArrayList<>(validation), new ArrayList<>());
	}

	/**
	 * Reads every annotated face under the folders (images with a same-stem .pts or .csv point file).
	 * Faces with a different point count than {@code expectedPoints} are skipped and reported.
	 */
	public static TrainingData load(List<Path> folders, ValidationSplit split, int expectedPoints, double faceSideAtInput,
			Consumer<String> log) throws IOException {
		List<AnnotatedFace> faces = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (Path folder : folders) {
			AnnotatedFolderReader.Result r = AnnotatedFolderReader.read(folder);
			faces.addAll(r.faces());
			r.skipped().forEach(s -> skipped.add(s.toString()));
		}
		faces.sort((a, b) -> a.image().compareTo(b.image()));
		Map<Path, Map<String, Integer>> photoIndex = new LinkedHashMap<>();
		List<LoadedFace> training = new ArrayList<>();
		List<LoadedFace> validation = new ArrayList<>();
		for (AnnotatedFace face : faces) {
			if (face.size() != expectedPoints) {
				skipped.add(face.image() + ": " + face.size() + " points, the model has " + expectedPoints);
				continue;
			}
			Map<String, Integer> photos = photoIndex.computeIfAbsent(face.image().getParent(), p -> new LinkedHashMap<>());
			int index = photos.computeIfAbsent(ValidationSplit.photoOf(face.image()), p -> photos.size());
			RgbImage image;
			try {
				image = ImageFiles.read(face.image());
			} catch (IOException e) {
				skipped.add(face.image() + ": " + e.getMessage());
				continue;
			}
			List<Point2> points = face.points();
			LoadedFace loaded = LoadedFace.shrunkFor(face.id(), image, points, faceSideAtInput);
			(split.isValidation(index) ? validation : training).add(loaded);
		}
		log.accept("Loaded " + training.size() + " training and " + validation.size() + " validation faces"
				+ (skipped.isEmpty() ? "" : ", skipped " + skipped.size()));
		return new TrainingData(training, validation, skipped);
	}
}
