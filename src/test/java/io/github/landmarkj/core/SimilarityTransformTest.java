package io.github.landmarkj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SimilarityTransformTest {
	private static final double EPS = 1e-9;

	private static void assertPoint(double x, double y, Point2 p) {
		assertEquals(x, p.x, EPS, "x of " + p);
		assertEquals(y, p.y, EPS, "y of " + p);
	}

	@Test
	void ofScalesRotatesThenTranslates() {
		// 90 degrees: (1, 0) -> (0, 1) in maths orientation, scaled by 2, then moved by (5, 7).
		SimilarityTransform t = SimilarityTransform.of(2, Math.PI / 2, 5, 7);
		assertPoint(5, 9, t.apply(new Point2(1, 0)));
		assertPoint(3, 7, t.apply(new Point2(0, 1)));
		assertEquals(5, t.applyX(1, 0), EPS);
		assertEquals(9, t.applyY(1, 0), EPS);
	}

	@Test
	void composeAppliesTheArgumentFirst() {
		SimilarityTransform translate = SimilarityTransform.translation(10, 0);
		SimilarityTransform scale = SimilarityTransform.of(2, 0, 0, 0);
		Point2 p = new Point2(1, 3);
		// scale ∘ translate: (1,3) -> (11,3) -> (22,6)
		assertPoint(22, 6, scale.compose(translate).apply(p));
		// translate ∘ scale: (1,3) -> (2,6) -> (12,6)
		assertPoint(12, 6, translate.compose(scale).apply(p));
	}

	@Test
	void composeMatchesSequentialApplicationForGeneralTransforms() {
		SimilarityTransform a = SimilarityTransform.of(1.7, 0.4, -3, 8);
		SimilarityTransform b = SimilarityTransform.of(0.6, -1.1, 12, 2.5);
		SimilarityTransform ab = a.compose(b);
		for (double[] q : new double[][] {{0, 0}, {1, 0}, {-4.5, 7.25}, {100, -30}}) {
			Point2 p = new Point2(q[0], q[1]);
			Point2 expected = a.apply(b.apply(p));
			assertPoint(expected.x, expected.y, ab.apply(p));
		}
	}

	@Test
	void inverseRoundTrips() {
		SimilarityTransform t = SimilarityTransform.of(2.3, 0.9, -14, 33);
		SimilarityTransform inv = t.inverse();
		for (double[] q : new double[][] {{0, 0}, {3, -2}, {250.5, 17.25}}) {
			Point2 p = new Point2(q[0], q[1]);
			assertPoint(p.x, p.y, inv.apply(t.apply(p)));
			assertPoint(p.x, p.y, t.apply(inv.apply(p)));
		}
		double[] id = t.compose(inv).toArray();
		double[] expected = {1, 0, 0, 0, 1, 0};
		for (int i = 0; i < 6; i++) {
			assertEquals(expected[i], id[i], EPS, "entry " + i);
		}
		assertEquals(1 / 2.3, inv.scale(), EPS);
	}

	@Test
	void inverseOfMirroredTransformRoundTrips() {
		SimilarityTransform t = SimilarityTransform.horizontalFlip(64).compose(SimilarityTransform.of(0.5, 0.3, 4, 9));
		Point2 p = new Point2(12.5, -3);
		assertPoint(p.x, p.y, t.inverse().apply(t.apply(p)));
	}

	@Test
	void squareToOutputMapsCentreToOutputCentre() {
		int s = 128;
		SimilarityTransform t = SimilarityTransform.squareToOutput(40, 70, 90, 0, s);
		assertPoint((s - 1) / 2.0, (s - 1) / 2.0, t.apply(new Point2(40, 70)));
		// Also with a rotation: the centre is the fixed point of the rotation.
		SimilarityTransform r = SimilarityTransform.squareToOutput(40, 70, 90, 0.6, s);
		assertPoint(63.5, 63.5, r.apply(new Point2(40, 70)));
	}

	@Test
	void squareToOutputMapsSquareCornersToOutputCorners() {
		// The output square [0, S) has pixel centres at integers, so its outer corners are at -0.5 and S - 0.5.
		int s = 64;
		double cx = 40, cy = 70, size = 90;
		SimilarityTransform t = SimilarityTransform.squareToOutput(cx, cy, size, 0, s);
		assertPoint(-0.5, -0.5, t.apply(new Point2(cx - size / 2, cy - size / 2)));
		assertPoint(s - 0.5, -0.5, t.apply(new Point2(cx + size / 2, cy - size / 2)));
		assertPoint(-0.5, s - 0.5, t.apply(new Point2(cx - size / 2, cy + size / 2)));
		assertPoint(s - 0.5, s - 0.5, t.apply(new Point2(cx + size / 2, cy + size / 2)));
		assertEquals(s / size, t.scale(), EPS);
	}

	@Test
	void squareToOutputUndoesTheFaceRoll() {
		// A point on the face's rolled x axis (angle 0.5 from the image x axis) lands on the output's horizontal line.
		int s = 100;
		double angle = 0.5, size = 50;
		SimilarityTransform t = SimilarityTransform.squareToOutput(10, 20, size, angle, s);
		Point2 p = new Point2(10 + 20 * Math.cos(angle), 20 + 20 * Math.sin(angle));
		assertPoint(49.5 + 20 * s / size, 49.5, t.apply(p));
	}

	@Test
	void horizontalFlipMirrorsAndTwiceIsIdentity() {
		SimilarityTransform f = SimilarityTransform.horizontalFlip(10);
		assertPoint(9, 4, f.apply(new Point2(0, 4)));
		assertPoint(0, 4, f.apply(new Point2(9, 4)));
		assertPoint(4.5, -2, f.apply(new Point2(4.5, -2)));
		double[] twice = f.compose(f).toArray();
		double[] expected = {1, 0, 0, 0, 1, 0};
		for (int i = 0; i < 6; i++) {
			assertEquals(expected[i], twice[i], EPS, "entry " + i);
		}
	}

	@Test
	void scaleIsTheLengthFactor() {
		assertEquals(2.5, SimilarityTransform.of(2.5, 0.7, 3, -4).scale(), EPS);
		assertEquals(1, SimilarityTransform.horizontalFlip(17).scale(), EPS);
		assertEquals(1, SimilarityTransform.translation(5, 6).scale(), EPS);
		assertEquals(0.25 * 3, SimilarityTransform.of(0.25, 1, 0, 0).compose(SimilarityTransform.of(3, -2, 1, 1)).scale(), EPS);
		// And it really is the ratio of distances.
		SimilarityTransform t = SimilarityTransform.of(1.8, 2.2, 9, 9);
		Point2 a = new Point2(1, 2), b = new Point2(-7, 11);
		assertEquals(t.scale(), t.apply(a).distance(t.apply(b)) / a.distance(b), EPS);
	}
}
