package io.github.landmarkj.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Flip test-time averaging without a network: "network outputs" are Gaussians rendered where a network
 * would put each point, for the crop and for its mirror image.
 */
class FlipAveragingTest {
	private static final int CROP = 128;
	private static final int SIZE = 32;
	private static final int STRIDE = 4;
	private static final int GRID = 16;
	private static final double SIGMA = 1.5;
	private static final LandmarkScheme SCHEME = LandmarkScheme.ibug68();
	private static final FlipAveraging FLIP = new FlipAveraging(SCHEME);

	/** Maps with a Gaussian at each crop point (map m for point m), written independently of HeatmapTargets. */
	private static Heatmaps render(List<Point2> cropPoints, float[] occlusion) {
		float[] maps = new float[cropPoints.size() * SIZE * SIZE];
		for (int m = 0; m < cropPoints.size(); m++) {
			double cu = (cropPoints.get(m).x - 1.5) / 4, cv = (cropPoints.get(m).y - 1.5) / 4;
			for (int v = 0; v < SIZE; v++) {
				for (int u = 0; u < SIZE; u++) {
					maps[(m * SIZE + v) * SIZE + u] = (float) Math.exp(-((u - cu) * (u - cu) + (v - cv) * (v - cv)) / (2 * SIGMA * SIGMA));
				}
			}
		}
		return new Heatmaps(maps, cropPoints.size(), SIZE, STRIDE, occlusion, GRID, 8);
	}

	/** A 68-point face in crop pixels: the iBUG mean shape, not symmetric to the pixel. */
	private static List<Point2> face() {
		List<Point2> points = new ArrayList<>();
		for (int i = 0; i < 68; i++) {
			// Any distinct positions inside the crop do; these spread over it without symmetry.
			points.add(new Point2(20 + (i * 37 % 88) + 0.3 * (i % 5), 24 + (i * 53 % 80) + 0.17 * (i % 7)));
		}
		return points;
	}

	/** Where a perfect network puts the points on the mirrored crop: point k of the mirror image is point mirror[k], x -> S-1-x. */
	private static List<Point2> mirrored(List<Point2> points, double shiftX) {
		int[] mirror = SCHEME.mirror();
		List<Point2> out = new ArrayList<>();
		for (int k = 0; k < points.size(); k++) {
			Point2 p = points.get(mirror[k]);
			out.add(new Point2(CROP - 1 - p.x + shiftX, p.y));
		}
		return out;
	}

	private static List<Point2> shifted(List<Point2> points, double shiftX) {
		List<Point2> out = new ArrayList<>();
		for (Point2 p : points) {
			out.add(new Point2(p.x + shiftX, p.y));
		}
		return out;
	}

	@Test
	void mirroredInputReversesEveryRowOfEveryChannel() {
		int s = 3;
		float[] crop = new float[3 * s * s];
		for (int i = 0; i < crop.length; i++) {
			crop[i] = i;
		}
		assertArrayEquals(new float[] {2, 1, 0, 5, 4, 3, 8, 7, 6, 11, 10, 9, 14, 13, 12, 17, 16, 15, 20, 19, 18, 23, 22, 21, 26, 25, 24},
				FlipAveraging.mirroredInput(crop, s));
		assertArrayEquals(crop, FlipAveraging.mirroredInput(FlipAveraging.mirroredInput(crop, s), s));
		assertThrows(IllegalArgumentException.class, () -> FlipAveraging.mirroredInput(new float[10], 3));
	}

	@Test
	void aPerfectNetworkGivesTheSamePointsWithAndWithoutFlip() {
		List<Point2> truth = face();
		Heatmaps direct = render(truth, new float[GRID * GRID]);
		Heatmaps ofMirror = render(mirrored(truth, 0), new float[GRID * GRID]);
		Landmarks l = new HeatmapDecoder(3, 0.5).decode(FLIP.average(direct, ofMirror));
		for (int m = 0; m < 68; m++) {
			assertEquals(truth.get(m).x, l.point(m).x, 0.05, "point " + m);
			assertEquals(truth.get(m).y, l.point(m).y, 0.05, "point " + m);
		}
	}

	@Test
	void unmirroringRenumbersByTheSchemeAndReversesColumns() {
		List<Point2> truth = face();
		Heatmaps back = FLIP.unmirror(render(mirrored(truth, 0), new float[GRID * GRID]));
		Heatmaps direct = render(truth, new float[GRID * GRID]);
		for (int m = 0; m < 68; m++) {
			for (int v = 0; v < SIZE; v++) {
				for (int u = 0; u < SIZE; u++) {
					assertEquals(direct.value(m, u, v), back.value(m, u, v), 1e-5, "map " + m + " at " + u + "," + v);
				}
			}
		}
	}

	@Test
	void aHorizontalBiasOfTheNetworkCancels() {
		// A network that puts every point 1.2 crop pixels too far right, on both crops: the mirrored crop's
		// error comes back as 1.2 px to the left, and the average is centred on the truth.
		List<Point2> truth = face();
		Heatmaps direct = render(shifted(truth, 1.2), new float[GRID * GRID]);
		Heatmaps ofMirror = render(mirrored(truth, 1.2), new float[GRID * GRID]);
		HeatmapDecoder decoder = new HeatmapDecoder(3, 0.5);
		Landmarks without = decoder.decode(direct), with = decoder.decode(FLIP.average(direct, ofMirror));
		for (int m = 0; m < 68; m++) {
			assertEquals(truth.get(m).x + 1.2, without.point(m).x, 0.05, "point " + m + " without flip");
			assertEquals(truth.get(m).x, with.point(m).x, 0.1, "point " + m + " with flip");
			assertEquals(truth.get(m).y, with.point(m).y, 0.05, "point " + m + " with flip");
		}
	}

	@Test
	void aSymmetricFaceLooksTheSameInTheMirror() {
		// Points placed symmetrically about the crop's centre line x = 63.5 under the scheme's mirror
		// permutation: their mirrored maps, renumbered, are the maps themselves.
		int[] mirror = SCHEME.mirror();
		List<Point2> points = new ArrayList<>();
		for (int i = 0; i < 68; i++) {
			points.add(null);
		}
		for (int i = 0; i < 68; i++) {
			int j = mirror[i];
			double y = 30 + i % 17 * 4 + 0.5;
			if (i == j) {
				points.set(i, new Point2(63.5, 20 + i));
			} else if (i < j) {
				double x = 30 + 1.7 * (i % 13);
				points.set(i, new Point2(x, y));
				points.set(j, new Point2(CROP - 1 - x, y));
			}
		}
		for (int i = 0; i < 68; i++) {
			assertEquals(points.get(mirror[i]).x, CROP - 1 - points.get(i).x, 1e-9, "mirror pair of point " + i);
		}
		float[] grid = new float[GRID * GRID];
		for (int v = 0; v < GRID; v++) {
			for (int u = 0; u < GRID / 2; u++) {
				grid[v * GRID + u] = grid[v * GRID + GRID - 1 - u] = (u + v) / 40f;
			}
		}
		Heatmaps h = render(points, grid);
		Heatmaps averaged = FLIP.average(h, render(mirrored(points, 0), grid));
		for (int m = 0; m < 68; m++) {
			assertArrayEquals(h.map(m), averaged.map(m), 1e-5f, "map " + m);
		}
		assertArrayEquals(grid, averaged.occlusionGrid(), 1e-6f);
	}

	@Test
	void theOcclusionGridIsMirroredBackAndAveraged() {
		float[] direct = new float[GRID * GRID], ofMirror = new float[GRID * GRID];
		direct[3 * GRID + 2] = 0.8f;
		// The mirrored crop sees the same cover at column 15 - 2 = 13.
		ofMirror[3 * GRID + 13] = 0.4f;
		List<Point2> truth = face();
		Heatmaps averaged = FLIP.average(render(truth, direct), render(mirrored(truth, 0), ofMirror));
		assertEquals(0.6f, averaged.occlusion(2, 3), 1e-6f);
		assertEquals(0f, averaged.occlusion(13, 3), 0f);
	}

	@Test
	void outputsOfAnotherSchemeAreRefused() {
		// The mirror permutation itself is checked in LandmarkSchemeTest.
		assertThrows(IllegalArgumentException.class, () -> FLIP.unmirror(new Heatmaps(new float[SIZE * SIZE], 1, SIZE, STRIDE,
				new float[GRID * GRID], GRID, 8)));
	}
}
