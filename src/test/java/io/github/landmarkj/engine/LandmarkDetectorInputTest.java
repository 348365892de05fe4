package io.github.landmarkj.engine;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.RejectedInputException;
import io.github.landmarkj.core.RgbImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the landmark detector refuses rather than answering wrongly, and how it batches many faces. */
class LandmarkDetectorInputTest {
	@TempDir
	static java.nio.file.Path dir;
	private static LandmarkDetector detector;

	@BeforeAll
	static void open() throws Exception {
		detector = LandmarkDetector.open(TestModels.untrainedFace68(dir).toString(), Device.cpu());
	}

	@AfterAll
	static void close() {
		detector.close();
	}

	private static float[] pattern(int w, int h) {
		float[] v = new float[3 * w * h];
		for (int i = 0; i < v.length; i++) {
			v[i] = (i * 31) % 256;
		}
		return v;
	}

	@Test
	void aNotANumberPixelInsideTheFaceCropIsRefusedAndOneFarAwayChangesNothing() {
		int w = 200, h = 200;
		float[] clean = pattern(w, h);
		FaceBox box = new FaceBox(20, 20, 50, 50);
		FaceResult reference = detector.detect(RgbImage.wrap(w, h, clean.clone()), Collections.singletonList(box)).get(0);

		float[] inside = clean.clone();
		inside[45 * w + 45] = Float.NaN;
		RejectedInputException e = assertThrows(RejectedInputException.class,
				() -> detector.detect(RgbImage.wrap(w, h, inside), Collections.singletonList(box)));
		assertTrue(e.getMessage().startsWith("Face 1 was not analysed: its crop reads pixels that are not numbers"), e.getMessage());

		float[] infinite = clean.clone();
		infinite[2 * w * h + 30 * w + 60] = Float.POSITIVE_INFINITY;
		assertThrows(RejectedInputException.class, () -> detector.detect(RgbImage.wrap(w, h, infinite), Collections.singletonList(box)));

		float[] far = clean.clone();
		far[190 * w + 190] = Float.NaN;
		FaceResult unaffected = detector.detect(RgbImage.wrap(w, h, far), Collections.singletonList(box)).get(0);
		assertEquals(reference.landmarks().points(), unaffected.landmarks().points());
	}

	@Test
	void boxesThatCannotGiveLandmarksAreRefusedBeforeAnyWork() {
		RgbImage image = RgbImage.wrap(100, 80, pattern(100, 80));
		for (FaceBox bad : new FaceBox[] {new FaceBox(500, 10, 30, 30), new FaceBox(-100, -100, 40, 40), new FaceBox(0, 0, 1e9, 1e9),
				new FaceBox(10, 10, 0.001, 0.001), new FaceBox(Double.NaN, 10, 30, 30), new FaceBox(10, 10, Double.POSITIVE_INFINITY, 30)}) {
			RejectedInputException e = assertThrows(RejectedInputException.class,
					() -> detector.detect(image, Arrays.asList(new FaceBox(10, 10, 30, 30), bad)));
			assertTrue(e.getMessage().startsWith("Face box 2 "), e.getMessage());
		}
		// A face cut by the image's edge, its centre inside, is fine.
		assertEquals(1, detector.detect(image, Collections.singletonList(new FaceBox(-10, -10, 40, 40))).size());
	}

	@Test
	void manyFacesGoThroughInBoundedBatchesWithTheSameResultsAsOneByOne() throws Exception {
		// The bundled model on the demo face: its peaked heat maps make the comparison meaningful (an untrained
		// network's flat ones move with the rounding of batched convolutions). Batched and single runs round
		// differently (measured on this machine: single points up to 3 px apart under heavy load), so the test
		// checks that each face's result belongs to its own box.
		RgbImage image = io.github.landmarkj.io.ImageFiles.read(java.nio.file.Paths.get("samples", "astronaut.png"));
		List<FaceBox> boxes = new ArrayList<>();
		for (int i = 0; i < LandmarkDetector.BATCH_SIZE * 2 + 3; i++) {
			// The face and places far from it, in turn: a face mixed up with its neighbour moves by a hundred pixels.
			boxes.add(i % 2 == 0 ? new FaceBox(170, 88, 106, 100) : new FaceBox(20 + 10 * i, 320, 106, 100));
		}
		try (LandmarkDetector trained = LandmarkDetector.open("face68", Device.cpu())) {
			List<FaceResult> all = trained.detect(image, boxes);
			assertEquals(boxes.size(), all.size());
			for (int i : new int[] {0, 1, LandmarkDetector.BATCH_SIZE, LandmarkDetector.BATCH_SIZE + 1, boxes.size() - 1}) {
				FaceResult alone = trained.detect(image, Collections.singletonList(boxes.get(i))).get(0);
				assertEquals(i, all.get(i).index());
				assertEquals(boxes.get(i), all.get(i).box());
				// The mean of the 68 points: robust to the rounding, far off if faces were mixed up.
				assertEquals(meanX(alone), meanX(all.get(i)), 5, "face " + i);
				assertEquals(meanY(alone), meanY(all.get(i)), 5, "face " + i);
			}
		}
	}

	private static double meanX(FaceResult f) {
		return f.landmarks().points().stream().mapToDouble(p -> p.x).average().orElse(Double.NaN);
	}

	private static double meanY(FaceResult f) {
		return f.landmarks().points().stream().mapToDouble(p -> p.y).average().orElse(Double.NaN);
	}
}
