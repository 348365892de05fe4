package io.github.landmarkj.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SequenceMetricsTest {
	/** Two points, eye corners 0 and 1, 10 px apart; the truth moves 3 px right per frame. */
	private static float[] truth(int frames) {
		float[] t = new float[frames * 4];
		for (int f = 0; f < frames; f++) {
			t[f * 4] = 3 * f;
			t[f * 4 + 1] = 0;
			t[f * 4 + 2] = 3 * f + 10;
			t[f * 4 + 3] = 0;
		}
		return t;
	}

	@Test
	void aConstantOffsetHasErrorButNoJitter() {
		float[] truth = truth(5), pred = truth.clone();
		for (int k = 1; k < pred.length; k += 2) {
			pred[k] += 2; // 2 px down: 0.2 inter-ocular
		}
		SequenceMetrics m = new SequenceMetrics(2, 0, 1).add(pred, truth, 5);
		assertEquals(0.2, m.nme(), 1e-9);
		assertEquals(0.0, m.jitter(), 1e-9);
	}

	@Test
	void anErrorFlippingSignEachFrameJittersByTwiceItsSize() {
		float[] truth = truth(4), pred = truth.clone();
		for (int f = 0; f < 4; f++) {
			float d = f % 2 == 0 ? 1 : -1;
			pred[f * 4] += d; // point 0 alternates +-1 px in x
		}
		SequenceMetrics m = new SequenceMetrics(2, 0, 1).add(pred, truth, 4);
		// NME: per frame (1 + 0) / 2 points / 10 px.
		assertEquals(0.05, m.nme(), 1e-9);
		// Each change: point 0 moves 2 px, point 1 not: RMS over points sqrt((4 + 0) / 2) = sqrt(2), over 10 px.
		assertEquals(Math.sqrt(2) / 10, m.jitter(), 1e-9);
	}

	@Test
	void jitterIsTheRmsOverFramesAndSequencesArePooled() {
		float[] truth = truth(3), pred = truth.clone();
		pred[2 * 4 + 1] += 4; // only frame 2 jumps: point 0 down 4 px
		SequenceMetrics m = new SequenceMetrics(2, 0, 1).add(pred, truth, 3);
		// Changes: frame 1: 0; frame 2: sqrt(16 / 2) / 10. RMS over the two: sqrt((0 + 0.08) / 2).
		assertEquals(Math.sqrt(0.08 / 2), m.jitter(), 1e-9);
		m.add(truth(3), truth(3), 3); // a perfect sequence adds two still frames
		assertEquals(Math.sqrt(0.08 / 4), m.jitter(), 1e-9);
		assertEquals(6, m.frames());
	}
}
