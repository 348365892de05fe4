package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.core.FaceBox;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

class DetectionDecoderTest {
	private static final int W = 12, H = 8, S = DetectorConfig.STRIDE;

	/** A map with Gaussian bumps at the given cells, and the size and offset written at each centre. */
	private static DetectorOutput output(double[][] faces) {
		int n = W * H;
		float[] heat = new float[n], size = new float[2 * n], offset = new float[2 * n];
		for (double[] f : faces) {
			int ci = (int) f[0], cj = (int) f[1];
			for (int j = 0; j < H; j++) {
				for (int i = 0; i < W; i++) {
					float g = (float) (f[2] * Math.exp(-((i - ci) * (i - ci) + (j - cj) * (j - cj)) / 2.0));
					heat[j * W + i] = Math.max(heat[j * W + i], g);
				}
			}
			int c = cj * W + ci;
			size[c] = (float) Math.log(f[3] / S);
			size[n + c] = (float) Math.log(f[4] / S);
			offset[c] = (float) (f[0] - ci);
			offset[n + c] = (float) (f[1] - cj);
		}
		return new DetectorOutput(W, H, S, heat, size, offset);
	}

	@Test
	void aKnownPeakGivesItsBox() {
		// Centre at cell (5.25, 3.5) = input pixel (42, 28); box 40 x 48.
		List<FaceBox> boxes = new DetectionDecoder(0.4).decode(output(new double[][] {{5.25, 3.5, 0.9, 40, 48}}), 0.3);
		assertEquals(1, boxes.size());
		FaceBox b = boxes.get(0);
		assertEquals(42 - 20, b.x, 1e-4);
		assertEquals(28 - 24, b.y, 1e-4);
		assertEquals(40, b.width, 1e-4);
		assertEquals(48, b.height, 1e-4);
		assertEquals(0.9, b.score, 1e-6);
	}

	@Test
	void peaksBelowTheThresholdAreDropped() {
		DetectorOutput out = output(new double[][] {{2, 2, 0.9, 16, 16}, {9, 5, 0.25, 16, 16}});
		assertEquals(1, new DetectionDecoder(0.4).decode(out, 0.3).size());
		assertEquals(2, new DetectionDecoder(0.4).decode(out, 0.2).size());
	}

	@Test
	void onlyLocalMaximaBecomeBoxes() {
		// The bump's neighbours are above the threshold but are not 3 x 3 maxima.
		DetectorOutput out = output(new double[][] {{6, 4, 0.95, 24, 24}});
		assertTrue(out.heat(5, 4) > 0.5);
		assertEquals(1, new DetectionDecoder(0.4).decode(out, 0.3).size());
	}

	@Test
	void facesAreNumberedLeftToRight() {
		List<FaceBox> boxes = new DetectionDecoder(0.4).decode(output(new double[][] {{9, 2, 0.5, 16, 16}, {2, 6, 0.9, 16, 16},
				{5, 2, 0.7, 16, 16}}), 0.3);
		List<FaceBox> ordered = DetectionDecoder.leftToRight(boxes);
		assertEquals(3, ordered.size());
		assertEquals(0.9, ordered.get(0).score, 1e-6);
		assertEquals(0.7, ordered.get(1).score, 1e-6);
		assertEquals(0.5, ordered.get(2).score, 1e-6);
		assertTrue(ordered.get(0).centerX() < ordered.get(1).centerX() && ordered.get(1).centerX() < ordered.get(2).centerX());
	}

	@Test
	void targetsDecodeBackToTheirBoxes() {
		FaceBox truth = new FaceBox(30.5, 17.25, 37, 41);
		DetectorTargets t = DetectorTargets.of(Collections.singletonList(truth), W, H, S);
		DetectorOutput out = new DetectorOutput(W, H, S, t.heat, t.size, t.offset);
		List<FaceBox> boxes = new DetectionDecoder(0.4).decode(out, 0.5);
		assertEquals(1, boxes.size());
		assertEquals(1.0, boxes.get(0).iou(truth), 1e-5);
		assertEquals(1.0, boxes.get(0).score, 1e-6);
	}
}
