package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class FaceDetectorNetTest {
	@Test
	void outputsAStride8GridForAnyMultipleOf32() {
		try (DetectorModel model = DetectorModel.create(DetectorConfig.standard(), Device.cpu())) {
			DetectorOutput out = model.predict(new float[3 * 96 * 64], 96, 64);
			assertEquals(12, out.gridWidth);
			assertEquals(8, out.gridHeight);
			// The untrained heat map sits near the prior probability of 0.1, and offsets are in (0, 1).
			float h = out.heat(3, 3);
			assertTrue(h > 0.02 && h < 0.4, "heat " + h);
			float o = out.offsetX(3, 3);
			assertTrue(o > 0 && o < 1, "offset " + o);
		}
	}
}
