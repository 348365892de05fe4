package io.github.landmarkj.command;

import ij.IJ;
import ij.ImagePlus;
import io.github.landmarkj.core.Point2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo photo and made-up annotations on it. */
final class TestImages {
	/** A box around the astronaut's face in samples/astronaut.png (ImageJ rectangle: x, y, width, height). */
	static final int[] FACE = {170, 88, 106, 100};
	/** A second region, for two-face tests (any area works: the counts are what is tested). */
	static final int[] SECOND = {300, 300, 120, 110};

	private TestImages() {
	}

	static Path demoPhoto() {
		Path p = Paths.get("samples", "astronaut.png").toAbsolutePath();
		assertTrue(Files.isRegularFile(p), "the demo photo samples/astronaut.png is part of the project");
		return p;
	}

	static ImagePlus astronaut() {
		ImagePlus imp = IJ.openImage(demoPhoto().toString());
		assertTrue(imp != null, "ImageJ opens the demo photo");
		return imp;
	}

	/** 68 distinct points on an ellipse inside the face box, 0-based pixel centres. */
	static List<Point2> ellipse68(double dx, double dy) {
		List<Point2> points = new ArrayList<>();
		double cx = FACE[0] + FACE[2] / 2.0 + dx, cy = FACE[1] + FACE[3] / 2.0 + dy;
		for (int i = 0; i < 68; i++) {
			double a = 2 * Math.PI * i / 68;
			points.add(new Point2(cx + 0.4 * FACE[2] * Math.cos(a), cy + 0.45 * FACE[3] * Math.sin(a)));
		}
		return points;
	}
}
