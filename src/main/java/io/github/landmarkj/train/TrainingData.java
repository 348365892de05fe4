package io.github.landmarkj.train;

import io.github.landmarkj.core.LoadedFace;
import io.github.landmarkj.eval.ValidationSplit;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
		List<AnnotatedFace> usable = new ArrayList<>();
		for (AnnotatedFace face : faces) {
			if (face.size() == expectedPoints) {
				usable.add(face);
			} else {
				skipped.add(face.image() + ": " + face.size() + " points, the model has " + expectedPoints);
			}
		}
		List<List<AnnotatedFace>> parts = split.split(usable);
		List<LoadedFace> training = decode(parts.get(0), faceSideAtInput, skipped);
		List<LoadedFace> validation = decode(parts.get(1), faceSideAtInput, skipped);
		log.accept("Loaded " + training.size() + " training and " + validation.size() + " validation faces"
				+ (skipped.isEmpty() ? "" : ", skipped " + skipped.size()));
		return new TrainingData(training, validation, skipped);
	}

	private static List<LoadedFace> decode(List<AnnotatedFace> faces, double faceSideAtInput, List<String> skipped) {
		List<LoadedFace> out = new ArrayList<>(faces.size());
		for (AnnotatedFace face : faces) {
			try {
				out.add(LoadedFace.shrunkFor(face.id(), ImageFiles.read(face.image()), face.points(), faceSideAtInput));
			} catch (IOException e) {
				skipped.add(face.image() + ": " + e.getMessage());
			}
		}
		return out;
	}

	/** What a model's {@code training} record says of its data: the folders, the split and the face counts. */
	public JsonObject record(List<Path> folders, ValidationSplit split) {
		JsonObject info = sourcesRecord(folders, split);
		info.addProperty("training_faces", training.size());
		info.addProperty("validation_faces", validation.size());
		return info;
	}

	/** The start of every trainer's {@code training} record: the annotated folders and the validation split. */
	public static JsonObject sourcesRecord(List<Path> folders, ValidationSplit split) {
		JsonObject info = new JsonObject();
		JsonArray dataList = new JsonArray();
		folders.forEach(f -> dataList.add(f.toString()));
		info.add("data", dataList);
		info.addProperty("validation_split", "every " + split.every() + "th photo (sorted by file name) of each folder");
		return info;
	}
}
