package io.github.landmarkj.core;

import io.github.landmarkj.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Path;

/** The images the timing benchmarks run on: real photos at a fixed size (640 x 480, the size the issues' targets name). */
public final class BenchImages {
	private BenchImages() {
	}

	/** The photo scaled, aspect kept, until it covers {@code width x height}, and cut to that size from its top-left corner. */
	public static RgbImage filling(RgbImage photo, int width, int height) {
		double s = Math.max((double) width / photo.width(), (double) height / photo.height());
		return photo.warp(SimilarityTransform.of(s, 0, 0, 0), width, height);
	}

	/** The first AFW photo of {@code DATA_DIR/detection/afw-photos}, filling 640 x 480. */
	public static RgbImage afwPhotoAt640x480(Path data) throws IOException {
		return filling(ImageFiles.read(data.resolve("detection/afw-photos/1051618982.jpg")), 640, 480);
	}
}
