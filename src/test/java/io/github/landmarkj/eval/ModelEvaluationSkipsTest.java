package io.github.landmarkj.eval;

import ai.djl.Device;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.TestModels;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An evaluation reports every face it cannot score, and why, and scores the rest. */
class ModelEvaluationSkipsTest {
	@TempDir
	Path dir;

	private static List<Point2> ellipse(int n, double cx, double cy) {
		List<Point2> p = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double a = 2 * Math.PI * i / n;
			p.add(new Point2(cx + 30 * Math.cos(a), cy + 35 * Math.sin(a)));
		}
		return p;
	}

	@Test
	void degenerateAnnotationsUnreadableImagesAndWrongCountsAreSkippedAndReported() throws Exception {
		float[] grey = new float[100 * 100];
		Arrays.fill(grey, 120);
		Path good = dir.resolve("good.png");
		ImageFiles.writePng(RgbImage.fromGrey(100, 100, grey), good, false);
		Path unreadable = Files.write(dir.resolve("unreadable.png"), "not an image".getBytes(StandardCharsets.UTF_8));
		List<Point2> same = Collections.nCopies(68, new Point2(50, 50));
		List<AnnotatedFace> faces = Arrays.asList(
				new AnnotatedFace(good, ellipse(68, 50, 50), "good"),
				new AnnotatedFace(good, same, "degenerate"),
				new AnnotatedFace(unreadable, ellipse(68, 50, 50), "unreadable"),
				new AnnotatedFace(good, ellipse(5, 50, 50), "five"));
		List<String> messages = new ArrayList<>();
		try (LandmarkDetector detector = LandmarkDetector.open(TestModels.untrainedFace68(Files.createDirectories(dir.resolve("m"))).toString(),
				Device.cpu())) {
			ModelEvaluation.Outcome outcome = new ModelEvaluation(detector).evaluate(faces, Collections.emptyMap(), messages::add);
			assertEquals(1, outcome.summary.count(), "the one good face is scored");
		}
		String all = String.join("\n", messages);
		assertTrue(all.contains("outer eye corners coincide (degenerate annotation)"), all);
		assertTrue(all.contains("Skipping " + unreadable + ": Cannot read image"), all);
		assertTrue(all.contains("5 points, the model has 68"), all);
		assertTrue(all.contains("3 of 4 faces skipped: the metrics cover 1 faces"), all);
	}
}
