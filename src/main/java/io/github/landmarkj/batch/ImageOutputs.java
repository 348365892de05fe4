package io.github.landmarkj.batch;

import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.io.AnnotatedImageRenderer;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.io.LandmarkFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files written for one image: {@code <stem>.csv}, {@code .json}, {@code .pts} and optionally {@code _annotated.png}. */
public final class ImageOutputs {
	private final Path folder;
	private final String stem;

	public ImageOutputs(Path folder, String stem) {
		this.folder = folder;
		this.stem = stem;
	}

	public Path csv() {
		return folder.resolve(stem + ".csv");
	}

	public Path json() {
		return folder.resolve(stem + ".json");
	}

	public Path annotatedPng() {
		return folder.resolve(stem + "_annotated.png");
	}

	/** Whether this image's results are already there (its CSV is the marker). */
	public boolean exist() {
		return Files.exists(csv());
	}

	public void write(String imageName, RgbImage image, List<FaceResult> faces, LandmarkScheme scheme, boolean overwrite,
			boolean annotated) throws IOException {
		Files.createDirectories(folder);
		LandmarkFiles.writeCsv(csv(), imageName, faces, scheme, overwrite);
		LandmarkFiles.writeJson(json(), imageName, faces, scheme, overwrite);
		if (!faces.isEmpty()) {
			LandmarkFiles.writePts(folder, stem, faces, overwrite);
		}
		if (annotated) {
			ImageFiles.writePng(AnnotatedImageRenderer.render(image, faces, scheme), annotatedPng(), overwrite);
		}
	}
}
