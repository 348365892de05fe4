package io.github.landmarkj.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;

class ShapeExaggerationTest {
	private static final int S = 128;
	/** The mean face in crop coordinates: the 100 x 100 layout placed in the middle of a 128 crop. */
	private final List<Point2> mean = FaceLayout.face68(14, 10, 0, 1);
	private final ShapeExaggeration exaggeration = new ShapeExaggeration(mean);

	private static List<Point2> apply(SimilarityTransform t, List<Point2> points) {
		List<Point2> out = new ArrayList<>();
		for (Point2 p : points) {
			out.add(t.apply(p));
		}
		return out;
	}

	/**
	 * Random offsets with the similarity part removed: orthogonal (in R^136) to x and y translation and to the
	 * centred mean shape and its 90 degree rotation, so the least-squares similarity fit ignores them.
	 */
	private List<Point2> offsetsOrthogonalToSimilarities(Random rng, double sd) {
		int n = mean.size();
		double mx = 0, my = 0;
		for (Point2 p : mean) {
			mx += p.x / n;
			my += p.y / n;
		}
		double[] d = new double[2 * n];
		for (int i = 0; i < d.length; i++) {
			d[i] = rng.nextGaussian() * sd;
		}
		double[][] basis = new double[4][2 * n];
		for (int i = 0; i < n; i++) {
			double ax = mean.get(i).x - mx, ay = mean.get(i).y - my;
			basis[0][2 * i] = 1;
			basis[1][2 * i + 1] = 1;
			basis[2][2 * i] = ax;
			basis[2][2 * i + 1] = ay;
			basis[3][2 * i] = -ay;
			basis[3][2 * i + 1] = ax;
		}
		for (double[] b : basis) { // mutually orthogonal, so one Gram-Schmidt pass suffices
			double dot = 0, norm = 0;
			for (int i = 0; i < d.length; i++) {
				dot += d[i] * b[i];
				norm += b[i] * b[i];
			}
			for (int i = 0; i < d.length; i++) {
				d[i] -= dot / norm * b[i];
			}
		}
		List<Point2> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			out.add(new Point2(d[2 * i], d[2 * i + 1]));
		}
		return out;
	}

	private static void assertPointsEqual(List<Point2> expected, List<Point2> actual, double tol) {
		assertEquals(expected.size(), actual.size());
		for (int i = 0; i < expected.size(); i++) {
			assertEquals(expected.get(i).x, actual.get(i).x, tol, "x of point " + i);
			assertEquals(expected.get(i).y, actual.get(i).y, tol, "y of point " + i);
		}
	}

	@Test
	void alignMeanOfATransformedMeanIsThatTransformedMean() {
		for (SimilarityTransform t : new SimilarityTransform[] {SimilarityTransform.identity(), SimilarityTransform.of(0.7, 0.3, 12, -5),
				SimilarityTransform.of(1.4, -2.5, -30, 44)}) {
			List<Point2> moved = apply(t, mean);
			assertPointsEqual(moved, exaggeration.alignMean(moved), 1e-9);
		}
	}

	@Test
	void alignMeanIgnoresNonSimilarityOffsets() {
		SimilarityTransform t = SimilarityTransform.of(0.9, 0.2, 5, 3);
		List<Point2> base = apply(t, mean);
		List<Point2> d = offsetsOrthogonalToSimilarities(new Random(5), 3);
		List<Point2> points = new ArrayList<>();
		for (int i = 0; i < base.size(); i++) {
			points.add(new Point2(base.get(i).x + d.get(i).x, base.get(i).y + d.get(i).y));
		}
		assertPointsEqual(base, exaggeration.alignMean(points), 1e-9);
	}

	@Test
	void exaggerateScalesTheOffsetsFromTheAlignedMean() {
		SimilarityTransform t = SimilarityTransform.of(1.1, -0.15, -4, 6);
		List<Point2> base = apply(t, mean);
		List<Point2> d = offsetsOrthogonalToSimilarities(new Random(9), 2.5);
		List<Point2> points = new ArrayList<>();
		for (int i = 0; i < base.size(); i++) {
			points.add(new Point2(base.get(i).x + d.get(i).x, base.get(i).y + d.get(i).y));
		}
		for (double k : new double[] {1.2, 1.5, 1.8}) {
			List<Point2> out = exaggeration.exaggerate(points, k);
			List<Point2> expected = new ArrayList<>();
			for (int i = 0; i < base.size(); i++) {
				expected.add(new Point2(base.get(i).x + k * d.get(i).x, base.get(i).y + k * d.get(i).y));
			}
			assertPointsEqual(expected, out, 1e-9);
			for (int i = 0; i < base.size(); i++) {
				double before = points.get(i).distance(base.get(i)), after = out.get(i).distance(base.get(i));
				if (before > 0.1) {
					assertEquals(k, after / before, 1e-9, "point " + i);
				}
			}
		}
	}

	@Test
	void exaggerateWithKOneLeavesPointsUnchanged() {
		List<Point2> points = FaceLayout.face68(20, 15, 4, 2);
		assertPointsEqual(points, exaggeration.exaggerate(points, 1), 1e-9);
	}

	private static RgbImage texture() {
		float[] p = new float[3 * S * S];
		for (int y = 0; y < S; y++) {
			for (int x = 0; x < S; x++) {
				p[y * S + x] = x + 0.5f * y; // linear
				p[S * S + y * S + x] = (float) (127.5 + 100 * Math.sin(x / 9.0) * Math.cos(y / 13.0));
				p[2 * S * S + y * S + x] = (x * y) % 255;
			}
		}
		return RgbImage.wrap(S, S, p);
	}

	@Test
	void kOneLeavesTheImageNearlyUnchanged() {
		RgbImage crop = texture();
		List<Point2> points = FaceLayout.face68(14, 10, 4, 3);
		ShapeExaggeration.Warped w = exaggeration.apply(crop, points, 1);
		assertPointsEqual(points, w.points, 1e-9);
		assertEquals(S, w.image.width());
		assertEquals(S, w.image.height());
		float[] a = crop.toPlanarArray(), b = w.image.toPlanarArray();
		double worst = 0;
		for (int i = 0; i < a.length; i++) {
			// Channel 2 has jumps (x*y mod 255) where any sub-pixel error shows; the other two are smooth.
			if (i < 2 * S * S) {
				worst = Math.max(worst, Math.abs(a[i] - b[i]));
			}
		}
		assertTrue(worst < 0.01, "largest change " + worst);
	}

	@Test
	void warpMovesImageContentWithThePoints() {
		// Channel 0 is f(x, y) = x + y / 2. The backward map reads the input at points_i where the output has
		// target_i, so the warped image at target_i shows f(points_i), not f(target_i).
		RgbImage crop = texture();
		List<Point2> points = FaceLayout.face68(14, 10, 4, 4);
		ShapeExaggeration.Warped w = exaggeration.apply(crop, points, 1.8);
		assertPointsEqual(exaggeration.exaggerate(points, 1.8), w.points, 1e-12);
		double errMoved = 0, errStill = 0;
		int counted = 0;
		for (int i = 0; i < points.size(); i++) {
			Point2 p = points.get(i), t = w.points.get(i);
			if (p.distance(t) < 2) {
				continue;
			}
			double got = w.image.sample(0, t.x, t.y);
			errMoved += Math.abs(got - (p.x + 0.5 * p.y));
			errStill += Math.abs(got - (t.x + 0.5 * t.y));
			counted++;
		}
		assertTrue(counted >= 10, "only " + counted + " points moved 2 px");
		assertTrue(errMoved / counted < 0.5, "mean error " + errMoved / counted);
		assertTrue(errStill / counted > 1.5, "image did not follow the points: " + errStill / counted);
	}
}
