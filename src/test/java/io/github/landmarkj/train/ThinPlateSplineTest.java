package io.github.landmarkj.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.landmarkj.core.Point2;

class ThinPlateSplineTest {

	private static List<Point2> randomPoints(Random rng, int n, double extent) {
		List<Point2> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			out.add(new Point2(rng.nextDouble() * extent, rng.nextDouble() * extent));
		}
		return out;
	}

	@Test
	void interpolatesTheControlPoints() {
		Random rng = new Random(3);
		for (int trial = 0; trial < 5; trial++) {
			List<Point2> from = randomPoints(rng, 20, 128);
			List<Point2> to = new ArrayList<>();
			for (Point2 p : from) {
				to.add(new Point2(p.x + rng.nextGaussian() * 5, p.y + rng.nextGaussian() * 5));
			}
			ThinPlateSpline tps = new ThinPlateSpline(from, to);
			for (int i = 0; i < from.size(); i++) {
				Point2 f = tps.apply(from.get(i).x, from.get(i).y);
				assertEquals(to.get(i).x, f.x, 1e-6, "trial " + trial + " point " + i);
				assertEquals(to.get(i).y, f.y, 1e-6, "trial " + trial + " point " + i);
			}
		}
	}

	@Test
	void reproducesAnAffineMapEverywhere() {
		// x' = 1.3 x - 0.4 y + 7, y' = 0.2 x + 0.9 y - 3 (not a similarity: shear and anisotropic scale)
		Random rng = new Random(11);
		List<Point2> from = randomPoints(rng, 15, 100);
		List<Point2> to = new ArrayList<>();
		for (Point2 p : from) {
			to.add(affine(p.x, p.y));
		}
		ThinPlateSpline tps = new ThinPlateSpline(from, to);
		for (int k = 0; k < 200; k++) {
			double x = -50 + rng.nextDouble() * 200, y = -50 + rng.nextDouble() * 200;
			Point2 expected = affine(x, y), got = tps.apply(x, y);
			assertEquals(expected.x, got.x, 1e-6, "at " + x + "," + y);
			assertEquals(expected.y, got.y, 1e-6, "at " + x + "," + y);
		}
	}

	@Test
	void reproducesTheIdentityWithRepeatedControlPoints() {
		// The augmenter's border anchors repeat the corners; the identity must survive that.
		List<Point2> from = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			double t = i / 4.0 * 63;
			from.add(new Point2(t, 0));
			from.add(new Point2(t, 63));
			from.add(new Point2(0, t));
			from.add(new Point2(63, t));
		}
		from.add(new Point2(20, 30));
		from.add(new Point2(40, 35));
		ThinPlateSpline tps = new ThinPlateSpline(from, from);
		for (double[] q : new double[][] {{0, 0}, {31.5, 31.5}, {10, 50}, {63, 63}, {20, 30}}) {
			Point2 p = tps.apply(q[0], q[1]);
			assertEquals(q[0], p.x, 1e-6);
			assertEquals(q[1], p.y, 1e-6);
		}
	}

	@Test
	void bendsBetweenControlPoints() {
		// A single moved point among fixed ones: the spline is not affine, so a point halfway moves by a fraction.
		List<Point2> from = new ArrayList<>(), to = new ArrayList<>();
		double[][] fixed = {{0, 0}, {100, 0}, {0, 100}, {100, 100}};
		for (double[] f : fixed) {
			from.add(new Point2(f[0], f[1]));
			to.add(new Point2(f[0], f[1]));
		}
		from.add(new Point2(50, 50));
		to.add(new Point2(60, 50));
		ThinPlateSpline tps = new ThinPlateSpline(from, to);
		assertEquals(60, tps.apply(50, 50).x, 1e-6);
		double mid = tps.apply(25, 50).x;
		// Symmetric about y = 50, moves right but less than the control point.
		assertEquals(50, tps.apply(50, 25).y + tps.apply(50, 75).y - 50, 1e-6);
		assertTrue(mid > 25 && mid < 35, "mid " + mid);
		assertEquals(0, tps.apply(0, 0).x, 1e-6);
	}

	private static Point2 affine(double x, double y) {
		return new Point2(1.3 * x - 0.4 * y + 7, 0.2 * x + 0.9 * y - 3);
	}
}
