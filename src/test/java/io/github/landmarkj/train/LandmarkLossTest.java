package io.github.landmarkj.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

class LandmarkLossTest {
	private static final double OMEGA = 14, THETA = 0.5, EPS = 1, ALPHA = 2.1;

	/** The Adaptive Wing loss of one pixel, with the foreground weight, written out from the paper's formula. */
	private static double awing(double pred, double y) {
		double d = Math.abs(pred - y);
		double p = ALPHA - y;
		double a = OMEGA * (1 / (1 + Math.pow(THETA / EPS, p))) * p * Math.pow(THETA / EPS, p - 1) * (1 / EPS);
		double c = THETA * a - OMEGA * Math.log(1 + Math.pow(THETA / EPS, p));
		double loss = d < THETA ? OMEGA * Math.log(1 + Math.pow(d / EPS, p)) : a * d - c;
		// Targets are float32: a target of 0.1f is not above 0.1f, so compare in float.
		double weight = (float) y > 0.1f ? 11 : 1;
		return loss * weight;
	}

	private static double awingMean(float[] pred, float[] target) {
		double s = 0;
		for (int i = 0; i < pred.length; i++) {
			s += awing(pred[i], target[i]);
		}
		return s / pred.length;
	}

	private static double bceMean(float[] p, float[] t) {
		double s = 0;
		for (int i = 0; i < p.length; i++) {
			double q = Math.max(1e-6, Math.min(1 - 1e-6, p[i]));
			s += -(t[i] * Math.log(q) + (1 - t[i]) * Math.log(1 - q));
		}
		return s / p.length;
	}

	private static double lossOf(LandmarkLoss loss, NDManager m, float[] pred, float[] target) {
		NDArray p = m.create(pred, new Shape(1, 1, 1, pred.length));
		NDArray t = m.create(target, new Shape(1, 1, 1, target.length));
		return loss.adaptiveWing(p, t).getFloat();
	}

	@Test
	void adaptiveWingMatchesTheScalarFormula() {
		LandmarkLoss loss = new LandmarkLoss(1f);
		// Small-error branch (|d| < 0.5) and large-error branch, on background (y <= 0.1) and foreground pixels.
		float[][][] cases = {
				{{0.0f}, {0.0f}},
				{{0.2f}, {0.0f}},
				{{0.45f}, {0.05f}},
				{{0.9f}, {0.0f}},
				{{-0.7f}, {0.0f}},
				{{0.7f}, {1.0f}},
				{{0.1f}, {1.0f}},
				{{1.3f}, {0.6f}},
				{{0.35f}, {0.3f}},
				{{0.2f, 0.8f, -0.3f, 1.5f, 0.05f, 0.6f}, {0.0f, 1.0f, 0.2f, 0.1f, 0.5f, 0.0f}}};
		try (NDManager m = NDManager.newBaseManager("PyTorch")) {
			for (float[][] c : cases) {
				double expected = awingMean(c[0], c[1]);
				double got = lossOf(loss, m, c[0], c[1]);
				assertEquals(expected, got, 1e-4 * Math.max(1, Math.abs(expected)),
						"pred " + java.util.Arrays.toString(c[0]) + " target " + java.util.Arrays.toString(c[1]));
			}
		}
	}

	@Test
	void adaptiveWingHandValues() {
		// y = 0, |d| = 0.25: 14 ln(1 + 0.25^2.1); y = 1, pred = 1: zero.
		LandmarkLoss loss = new LandmarkLoss(1f);
		try (NDManager m = NDManager.newBaseManager("PyTorch")) {
			assertEquals(14 * Math.log(1 + Math.pow(0.25, 2.1)), lossOf(loss, m, new float[] {0.25f}, new float[] {0}), 1e-5);
			assertEquals(0, lossOf(loss, m, new float[] {1f}, new float[] {1f}), 1e-6);
			// The foreground weight: the same error on a y = 0.5 pixel weighs 11 times its unweighted value.
			double unweighted = 14 * Math.log(1 + Math.pow(0.25, 1.6));
			assertEquals(11 * unweighted, lossOf(loss, m, new float[] {0.75f}, new float[] {0.5f}), 1e-4);
		}
	}

	@Test
	void adaptiveWingIsContinuousAtTheta() {
		LandmarkLoss loss = new LandmarkLoss(1f);
		double delta = 1e-3;
		try (NDManager m = NDManager.newBaseManager("PyTorch")) {
			for (float y : new float[] {0f, 0.05f, 0.3f, 0.8f, 1f}) {
				double below = lossOf(loss, m, new float[] {(float) (y + THETA - delta)}, new float[] {y});
				double above = lossOf(loss, m, new float[] {(float) (y + THETA + delta)}, new float[] {y});
				// The slope at theta is A (times the weight): the jump over 2 delta is at most about 2 delta A.
				double p = ALPHA - y;
				double a = OMEGA * (1 / (1 + Math.pow(THETA, p))) * p * Math.pow(THETA, p - 1);
				double weight = y > 0.1 ? 11 : 1;
				assertTrue(above > below, "not increasing at y=" + y);
				assertEquals(2 * delta * a * weight, above - below, 0.2 * 2 * delta * a * weight + 1e-4, "y=" + y);
			}
		}
	}

	@Test
	void binaryCrossEntropyMatchesTheScalarFormula() {
		float[][][] cases = {
				{{0.5f}, {1f}},
				{{0.9f, 0.1f, 0.3f, 0.7f}, {1f, 0f, 0.25f, 1f}},
				{{0.0f, 1.0f}, {0f, 1f}},
				{{0.0f}, {1f}},
				{{0.2f, 0.4f, 0.6f}, {0.5f, 0.5f, 0.5f}}};
		try (NDManager m = NDManager.newBaseManager("PyTorch")) {
			for (float[][] c : cases) {
				double expected = bceMean(c[0], c[1]);
				double got = LandmarkLoss.binaryCrossEntropy(m.create(c[0]), m.create(c[1])).getFloat();
				assertEquals(expected, got, 1e-3 * Math.max(1, expected) + 1e-5,
						"p " + java.util.Arrays.toString(c[0]) + " t " + java.util.Arrays.toString(c[1]));
			}
			// Hand value: -ln 0.5.
			assertEquals(Math.log(2), LandmarkLoss.binaryCrossEntropy(m.create(new float[] {0.5f}), m.create(new float[] {1f})).getFloat(),
					1e-6);
		}
	}

	@Test
	void evaluateAddsTheWeightedOcclusionTerm() {
		float[] pred = {0.2f, 0.8f, 0.6f, 0f}, target = {0f, 1f, 0.5f, 0f};
		float[] occ = {0.3f, 0.9f}, occTarget = {0f, 1f};
		double expected = awingMean(pred, target) + 2.5 * bceMean(occ, occTarget);
		try (NDManager m = NDManager.newBaseManager("PyTorch")) {
			NDList labels = new NDList(m.create(target, new Shape(1, 1, 2, 2)), m.create(occTarget, new Shape(1, 1, 1, 2)));
			NDList predictions = new NDList(m.create(pred, new Shape(1, 1, 2, 2)), m.create(occ, new Shape(1, 1, 1, 2)));
			double got = new LandmarkLoss(2.5f).evaluate(labels, predictions).getFloat();
			assertEquals(expected, got, 1e-4 * Math.max(1, expected));
		}
	}
}
