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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the landmark detector refuses rather than answering wrongly, and how it batches many faces. */
class LandmarkDetectorInputTest {
	@TempDir
	static java.nio.file.Path dir;
	private static LandmarkDetector detector;
	/** The bundled model, for the batch tests: its peaked heat maps make the comparisons meaningful. */
	private static LandmarkDetector trained;

	@BeforeAll
	static void open() throws Exception {
		detector = LandmarkDetector.open(TestModels.untrainedFace68(dir).toString(), Device.cpu());
		trained = LandmarkDetector.open("face68", Device.cpu());
	}

	@AfterAll
	static void close() {
		detector.close();
		trained.close();
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
		RgbImage image = io.github.landmarkj.io.ImageFiles.read(java.nio.file.Paths.get("samples", "astronaut.png"));
		List<FaceBox> boxes = new ArrayList<>();
		for (int i = 0; i < LandmarkDetector.BATCH_SIZE * 2 + 3; i++) {
			// The face and places far from it, in turn: a face mixed up with its neighbour moves by a hundred pixels.
			boxes.add(i % 2 == 0 ? new FaceBox(170, 88, 106, 100) : new FaceBox(20 + 10 * i, 320, 106, 100));
		}
		List<FaceResult> all = trained.detect(image, boxes);
		assertEquals(boxes.size(), all.size());
		// Each different place runs alone once: a single run gives the same points every time (see below).
		Map<List<Double>, FaceResult> aloneByPlace = new HashMap<>();
		for (int i = 0; i < boxes.size(); i++) {
			FaceBox box = boxes.get(i);
			FaceResult alone = aloneByPlace.computeIfAbsent(List.of(box.x, box.y, box.width, box.height),
					place -> trained.detect(image, Collections.singletonList(box)).get(0));
			assertEquals(i, all.get(i).index());
			assertEquals(boxes.get(i), all.get(i).box());
			assertEquals(0, largestDistance(alone, all.get(i)), SAME_POINT_PX, "face " + i);
		}
	}

	/** Float rounding of batched and single convolutions moves points by about 1e-5 px; the test allows 0.01 px. */
	private static final double SAME_POINT_PX = 0.01;

	/**
	 * A face's landmarks do not depend on what else is in its batch. Before libtorch's convolutions had their
	 * input channels padded ({@code net/Convolutions}), oneDNN's batched kernels read uninitialised lanes and
	 * the same face moved by up to 100 px with its neighbours (single runs use another kernel); native memory
	 * is filled with NaN before each run here, as freed memory of a long session may hold.
	 */
	@Test
	void oneFaceAloneAndInABatchOfFiveGiveTheSamePoints() throws Exception {
		RgbImage image = io.github.landmarkj.io.ImageFiles.read(java.nio.file.Paths.get("samples", "astronaut.png"));
		FaceBox face = new FaceBox(179, 88, 90, 92);
		List<FaceBox> others = Arrays.asList(new FaceBox(20, 300, 120, 110), new FaceBox(300, 20, 80, 80), new FaceBox(150, 150, 200, 200),
				new FaceBox(400, 350, 60, 70));
		try (ai.djl.ndarray.NDManager scratch = ai.djl.ndarray.NDManager.newBaseManager("PyTorch")) {
			FaceResult alone = trained.detect(image, Collections.singletonList(face)).get(0);
			for (int at = 0; at < 5; at++) {
				List<FaceBox> batch = new ArrayList<>(others);
				batch.add(at, face);
				for (long size = 1000; size < 8_000_000; size *= 2) {
					scratch.full(new ai.djl.ndarray.types.Shape(size), Float.NaN).close();
				}
				FaceResult inBatch = trained.detect(image, batch).get(at);
				assertEquals(0, largestDistance(alone, inBatch), SAME_POINT_PX, "the face at place " + (at + 1) + " of 5");
			}
			assertEquals(0, largestDistance(alone, trained.detect(image, Collections.singletonList(face)).get(0)), SAME_POINT_PX, "alone again");
		}
	}

	private static double largestDistance(FaceResult a, FaceResult b) {
		double worst = 0;
		for (int i = 0; i < a.landmarks().points().size(); i++) {
			worst = Math.max(worst, a.landmarks().points().get(i).distance(b.landmarks().points().get(i)));
		}
		return worst;
	}
}
