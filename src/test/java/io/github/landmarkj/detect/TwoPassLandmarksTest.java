package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Plumbing of the second pass (an untrained tiny model: what is checked is which box each pass uses). */
class TwoPassLandmarksTest {
	@Test
	void theSecondPassRunsOnTheFirstPassLandmarksBox(@TempDir Path dir) throws Exception {
		float[] grey = new float[160 * 120];
		for (int i = 0; i < grey.length; i++) {
			grey[i] = (i * 37) % 251;
		}
		RgbImage image = RgbImage.fromGrey(160, 120, grey);
		List<FaceBox> boxes = Arrays.asList(new FaceBox(20, 20, 50, 50, 0.8), new FaceBox(90, 30, 40, 44, 0.6));
		try (LandmarkDetector lm = LandmarkDetector.open(TestModels.untrainedFace68(dir).toString(), Device.cpu())) {
			TwoPassLandmarks twoPass = new TwoPassLandmarks(lm);
			List<FaceBox> refined = twoPass.refinedBoxes(image, boxes);
			List<FaceResult> first = lm.detect(image, boxes);
			List<FaceResult> second = twoPass.detect(image, boxes);
			List<FaceResult> direct = lm.detect(image, refined);
			for (int i = 0; i < boxes.size(); i++) {
				FaceBox tight = FaceBox.enclosing(first.get(i).landmarks().points());
				assertEquals(tight.x, refined.get(i).x, 1e-9);
				assertEquals(tight.width, refined.get(i).width, 1e-9);
				assertEquals(boxes.get(i).score, refined.get(i).score, 0);
				assertEquals(direct.get(i).landmarks().points(), second.get(i).landmarks().points());
				assertTrue(second.get(i).box() == refined.get(i) || second.get(i).box().iou(refined.get(i)) > 0.999);
			}
		}
		assertEquals(Collections.emptyList(), new TwoPassLandmarks(null).detect(image, Collections.emptyList()));
	}
}
