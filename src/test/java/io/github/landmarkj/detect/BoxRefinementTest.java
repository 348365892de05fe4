package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Plumbing of the refinement passes (an untrained tiny model: what is checked is which box each pass uses). */
class BoxRefinementTest {
	private static RgbImage image() {
		float[] grey = new float[160 * 120];
		for (int i = 0; i < grey.length; i++) {
			grey[i] = (i * 37) % 251;
		}
		return RgbImage.fromGrey(160, 120, grey);
	}

	private static List<FaceBox> tight(List<FaceResult> results) {
		List<FaceBox> out = new ArrayList<>();
		for (FaceResult r : results) {
			out.add(FaceBox.enclosing(r.landmarks().points()));
		}
		return out;
	}

	@Test
	void eachPassRunsOnThePreviousPassLandmarksBox(@TempDir Path dir) throws Exception {
		RgbImage image = image();
		List<FaceBox> boxes = Arrays.asList(new FaceBox(20, 20, 50, 50, 0.8), new FaceBox(90, 30, 40, 44, 0.6));
		try (LandmarkDetector lm = LandmarkDetector.open(TestModels.untrainedFace68(dir).toString(), Device.cpu())) {
			List<FaceBox> afterOne = tight(lm.detect(image, boxes));
			List<FaceBox> afterTwo = tight(lm.detect(image, afterOne));
			List<FaceBox> one = new BoxRefinement(lm, 1, 0).refinedBoxes(image, boxes);
			assertEquals(BoxRefinement.DEFAULT_PASSES, new BoxRefinement(lm).passes());
			BoxRefinement twoPasses = new BoxRefinement(lm, 2, 0);
			List<FaceBox> two = twoPasses.refinedBoxes(image, boxes);
			List<FaceResult> final2 = twoPasses.detect(image, boxes);
			List<FaceResult> direct = lm.detect(image, two);
			for (int i = 0; i < boxes.size(); i++) {
				assertEquals(afterOne.get(i).x, one.get(i).x, 1e-9);
				assertEquals(afterOne.get(i).width, one.get(i).width, 1e-9);
				assertEquals(afterTwo.get(i).y, two.get(i).y, 1e-9);
				assertEquals(afterTwo.get(i).height, two.get(i).height, 1e-9);
				assertEquals(boxes.get(i).score, one.get(i).score, 0);
				assertEquals(boxes.get(i).score, two.get(i).score, 0);
				assertEquals(direct.get(i).landmarks().points(), final2.get(i).landmarks().points());
				assertTrue(final2.get(i).box() == two.get(i) || final2.get(i).box().iou(two.get(i)) > 0.999);
			}
		}
		assertEquals(Collections.emptyList(), new BoxRefinement(null).detect(image, Collections.emptyList()));
	}

	@Test
	void aPassWhosePointsLeaveTheImageOrAreNotFiniteDropsTheBox() {
		FaceBox from = new FaceBox(10, 10, 40, 40, 0.9);
		Landmarks inside = Landmarks.of(Arrays.asList(new Point2(20, 22), new Point2(60, 70), new Point2(35, 40)));
		FaceBox next = BoxRefinement.nextBox(from, inside, 0, 100, 80);
		assertEquals(20, next.x, 0);
		assertEquals(22, next.y, 0);
		assertEquals(40, next.width, 0);
		assertEquals(48, next.height, 0);
		assertEquals(0.9, next.score, 0);
		Landmarks centreOutside = Landmarks.of(Arrays.asList(new Point2(90, 70), new Point2(130, 110)));
		assertNull(BoxRefinement.nextBox(from, centreOutside, 0, 100, 80));
		Landmarks notFinite = Landmarks.of(Arrays.asList(new Point2(20, 22), new Point2(Double.NaN, 70)));
		assertNull(BoxRefinement.nextBox(from, notFinite, 0, 100, 80));
		Landmarks unsure = new Landmarks(inside.points(), new double[] {0.1, 0.2, 0.3}, new boolean[3]);
		assertNull(BoxRefinement.nextBox(from, unsure, 0.25, 100, 80));
		assertEquals(next.width, BoxRefinement.nextBox(from, unsure, 0.15, 100, 80).width, 0);
	}

	@Test
	void passesOutsideOneToFourAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new BoxRefinement(null, 0, 0));
		assertThrows(IllegalArgumentException.class, () -> new BoxRefinement(null, BoxRefinement.MAX_PASSES + 1, 0));
		assertThrows(IllegalArgumentException.class, () -> new BoxRefinement(null, 1, 1));
	}
}
