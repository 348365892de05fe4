package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.core.FaceBox;
import org.junit.jupiter.api.Test;

import java.util.List;

class SsdDecoderTest {
	private final PriorSpec spec = PriorSpec.ultraLight();
	private final PriorBoxes priors = PriorBoxes.of(spec, 64, 64);

	/** Everything background (logits 5, -5) except the given priors. */
	private static float[][] background(int n) {
		float[] logits = new float[2 * n];
		for (int i = 0; i < n; i++) {
			logits[2 * i] = 5;
			logits[2 * i + 1] = -5;
		}
		return new float[][] {logits, new float[4 * n]};
	}

	@Test
	void softmaxOfTwoLogits() {
		SsdOutput out = new SsdOutput(1, 1, new float[] {0, (float) Math.log(3), 2, 2}, new float[8]);
		assertEquals(0.75, out.faceProbability(0), 1e-6);
		assertEquals(0.5, out.faceProbability(1), 1e-12);
	}

	@Test
	void zeroRegressionGivesThePriorAndRegressionMovesItByTheVariances() {
		float[][] o = background(priors.size());
		int a = 0, b = priors.size() - 1;
		o[0][2 * a + 1] = 10;
		o[0][2 * b + 1] = 10;
		o[1][4 * b] = 1;    // centre x += 0.1 * prior width
		o[1][4 * b + 1] = -2; // centre y -= 0.2 * prior height
		o[1][4 * b + 2] = 5;  // width *= e^(0.2 * 5)
		List<FaceBox> boxes = new SsdDecoder(spec, 0.3).decode(new SsdOutput(64, 64, o[0], o[1]), priors, 0.7);
		assertEquals(2, boxes.size());
		FaceBox small = boxes.stream().filter(x -> x.width < 20).findFirst().get();
		assertEquals(4 - 5, small.x, 1e-9);
		assertEquals(4 - 5, small.y, 1e-9);
		assertEquals(10, small.width, 1e-9);
		FaceBox big = boxes.stream().filter(x -> x.width > 20).findFirst().get();
		double pw = priors.width(b), ph = priors.height(b);
		assertEquals(priors.centreX(b) + 0.1 * pw, big.centerX(), 1e-9);
		assertEquals(priors.centreY(b) - 0.2 * ph, big.centerY(), 1e-9);
		assertEquals(pw * Math.E, big.width, 1e-6);
		assertEquals(ph, big.height, 1e-9);
	}

	@Test
	void thresholdIsStrictAndOverlapsAreSuppressedBestFirst() {
		float[][] o = background(priors.size());
		// Priors 0 and 1 share a centre (sides 10 and 16): IoU 100 / 256 = 0.39 > 0.3.
		o[0][0] = 0;
		o[0][1] = (float) Math.log(9); // p = 0.9
		o[0][2] = 0;
		o[0][3] = (float) Math.log(19); // p = 0.95
		List<FaceBox> boxes = new SsdDecoder(spec, 0.3).decode(new SsdOutput(64, 64, o[0], o[1]), priors, 0.5);
		assertEquals(1, boxes.size());
		assertEquals(0.95, boxes.get(0).score, 1e-6);
		assertEquals(16, boxes.get(0).width, 1e-9);
		assertEquals(2, new SsdDecoder(spec, 0.5).decode(new SsdOutput(64, 64, o[0], o[1]), priors, 0.5).size());
		SsdOutput out = new SsdOutput(64, 64, o[0], o[1]);
		assertEquals(1, new SsdDecoder(spec, 0.5).decode(out, priors, out.faceProbability(0)).size(), "a score equal to the threshold is out");
	}

	@Test
	void outputsThatAreNotNumbersGiveNoBox() {
		float[][] o = background(priors.size());
		o[0][0] = Float.NaN;
		o[0][3] = 10;
		o[1][4] = Float.NaN;
		o[0][5] = 10;
		o[1][4 * 2 + 2] = Float.POSITIVE_INFINITY;
		assertTrue(new SsdDecoder(spec, 0.3).decode(new SsdOutput(64, 64, o[0], o[1]), priors, 0.5).isEmpty());
	}

	@Test
	void refusesAnOutputOfAnotherInputSize() {
		float[][] o = background(10);
		assertThrows(IllegalArgumentException.class, () -> new SsdDecoder(spec, 0.3).decode(new SsdOutput(1, 1, o[0], o[1]), priors, 0.5));
	}
}
