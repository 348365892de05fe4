package io.github.landmarkj.batch;

import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.io.AnnotatedImageRenderer;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.io.LandmarkFiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * The files written for one image: {@code <stem>.csv}, {@code .json}, {@code .pts} (one face) or
 * {@code <stem>_<k>.pts} (face k of several), and optionally {@code <stem>_annotated.png}. Every file is
 * written atomically; the CSV is written last.
 */
public record ImageOutputs(Path folder, String stem) {

	public Path csv() {
		return folder.resolve(stem + ".csv");
	}

	public Path json() {
		return folder.resolve(stem + ".json");
	}

	public Path annotatedPng() {
		return folder.resolve(stem + "_annotated.png");
	}

	/** The .pts files for {@code faces} faces. */
	public List<Path> pts(int faces) {
		List<Path> p = new ArrayList<>();
		for (int k = 1; k <= faces; k++) {
			p.add(folder.resolve(faces == 1 ? stem + ".pts" : stem + "_" + k + ".pts"));
		}
		return p;
	}

	/** Every file {@link #write} produces for {@code faces} faces. */
	public List<Path> targets(int faces, boolean annotated) {
		List<Path> t = new ArrayList<>();
		t.add(json());
		t.addAll(pts(faces));
		if (annotated) {
			t.add(annotatedPng());
		}
		t.add(csv());
		return t;
	}

	/** Fails, naming the first, when one of {@code targets} exists and {@code mayReplace} refuses it. */
	static void requireReplaceable(List<Path> targets, Predicate<Path> mayReplace) throws FileAlreadyExistsException {
		for (Path t : targets) {
			if (Files.exists(t) && !mayReplace.test(t)) {
				throw new FileAlreadyExistsException(t.toString(), null, "exists and is not a finished result of this batch (or is one "
						+ "of its inputs); it was kept and this image's outputs not written: allow overwriting or choose another output folder");
			}
		}
	}

	/** Writes the files; existing ones are replaced only with {@code overwrite}. */
	public List<Path> write(String imageName, RgbImage image, List<FaceResult> faces, LandmarkScheme scheme, boolean overwrite,
			boolean annotated) throws IOException {
		return write(imageName, image, faces, scheme, p -> overwrite, annotated);
	}

	/**
	 * Writes the files, after checking that none exists that {@code mayReplace} refuses (then nothing is
	 * written).
	 *
	 * @return the files written
	 */
	public List<Path> write(String imageName, RgbImage image, List<FaceResult> faces, LandmarkScheme scheme,
			Predicate<Path> mayReplace, boolean annotated) throws IOException {
		List<Path> targets = targets(faces.size(), annotated);
		requireReplaceable(targets, mayReplace);
		Files.createDirectories(folder);
		LandmarkFiles.writeJson(json(), imageName, faces, scheme, true);
		if (!faces.isEmpty()) {
			LandmarkFiles.writePts(folder, stem, faces, true);
		}
		if (annotated) {
			ImageFiles.writePng(AnnotatedImageRenderer.render(image, faces, scheme), annotatedPng(), true);
		}
		// Last: an image whose CSV exists has all its outputs.
		LandmarkFiles.writeCsv(csv(), imageName, faces, scheme, true);
		return Collections.unmodifiableList(targets);
	}
}
