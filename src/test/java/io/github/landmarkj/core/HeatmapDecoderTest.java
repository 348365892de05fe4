package io.github.landmarkj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class HeatmapDecoderTest {
	private static final int SIZE = 32;
	private static final int STRIDE = 4;
	private static final double SIGMA = 1.5;
	private static final HeatmapDecoder DECODER = new HeatmapDecoder(3, 0.5);

	/** exp(-d^2 / 2 sigma^2) with peak 1 at heat-map position (u, v), added into map m. */
	private static void addGaussian(float[] maps, int m, double u, double v, double peak) {
		for (int y = 0; y < SIZE; y++) {
			for (int x = 0; x < SIZE; x++) {
				double d2 = (x - u) * (x - u) + (y - v) * (y - v);
				maps[(m * SIZE + y) * SIZE + x] += (float) (peak * Math.exp(-d2 / (2 * SIGMA * SIGMA)));
			}
		}
	}

	private static Heatmaps heatmaps(float[] maps, int count) {
		return new Heatmaps(maps, count, SIZE, STRIDE, new float[16 * 16], 16, 8);
	}

	/** Crop coordinate -> heat-map coordinate, written out independently of Heatmaps.fromCrop. */
	private static double toHeatmap(double crop) {
		return (crop - 1.5) / 4;
	}

	@Test
	void recoversSubPixelGaussianPositions() {
		double worst = 0;
		for (double du = -0.5; du <= 0.5001; du += 0.125) {
			for (double dv = -0.5; dv <= 0.5001; dv += 0.125) {
				double u = 13 + du, v = 17 + dv;
				float[] maps = new float[SIZE * SIZE];
				addGaussian(maps, 0, u, v, 1);
				Landmarks l = DECODER.decode(heatmaps(maps, 1));
				double eu = Math.abs(toHeatmap(l.point(0).x) - u), ev = Math.abs(toHeatmap(l.point(0).y) - v);
				assertTrue(eu < 0.05 && ev < 0.05, "offset " + du + "," + dv + ": got " + l.point(0) + " error " + eu + "," + ev);
				worst = Math.max(worst, Math.max(eu, ev));
			}
		}
		assertTrue(worst < 0.05, "worst " + worst);
	}

	@Test
	void decodesSeveralMapsIndependently() {
		double[][] uv = {{3.2, 4.7}, {28.4, 2.1}, {15.5, 15.5}, {9.9, 27.3}};
		float[] maps = new float[uv.length * SIZE * SIZE];
		for (int m = 0; m < uv.length; m++) {
			addGaussian(maps, m, uv[m][0], uv[m][1], 1);
		}
		Landmarks l = DECODER.decode(heatmaps(maps, uv.length));
		assertEquals(uv.length, l.size());
		for (int m = 0; m < uv.length; m++) {
			assertEquals(4 * uv[m][0] + 1.5, l.point(m).x, 4 * 0.05, "map " + m);
			assertEquals(4 * uv[m][1] + 1.5, l.point(m).y, 4 * 0.05, "map " + m);
		}
	}

	@Test
	void cleanGaussianHasHighConfidence() {
		float[] maps = new float[SIZE * SIZE];
		addGaussian(maps, 0, 16, 16, 1);
		double c = DECODER.decode(heatmaps(maps, 1)).confidence(0);
		assertTrue(c > 0.8 && c <= 1, "confidence " + c);
	}

	@Test
	void confidenceFollowsPeakHeight() {
		float[] full = new float[SIZE * SIZE], half = new float[SIZE * SIZE];
		addGaussian(full, 0, 16, 16, 1);
		addGaussian(half, 0, 16, 16, 0.5);
		double cFull = DECODER.decode(heatmaps(full, 1)).confidence(0);
		double cHalf = DECODER.decode(heatmaps(half, 1)).confidence(0);
		// Same shape, so the window share is the same and the confidence halves.
		assertEquals(cFull / 2, cHalf, 1e-6);
	}

	@Test
	void flatMapHasLowConfidence() {
		float[] maps = new float[SIZE * SIZE];
		java.util.Arrays.fill(maps, 0.6f);
		double c = DECODER.decode(heatmaps(maps, 1)).confidence(0);
		// peak 0.6 times the window's share 49 / 1024 of the mass, at most (corner windows are smaller).
		assertTrue(c <= 0.6 * 49 / 1024.0 + 1e-6, "confidence " + c);
	}

	@Test
	void noisyMapHasLowConfidence() {
		Random rng = new Random(7);
		float[] maps = new float[SIZE * SIZE];
		for (int i = 0; i < maps.length; i++) {
			maps[i] = rng.nextFloat();
		}
		double c = DECODER.decode(heatmaps(maps, 1)).confidence(0);
		assertTrue(c < 0.2, "confidence " + c);
	}

	@Test
	void twoPeakedMapHasLowerConfidenceThanOnePeak() {
		float[] one = new float[SIZE * SIZE], two = new float[SIZE * SIZE];
		addGaussian(one, 0, 8, 8, 1);
		addGaussian(two, 0, 8, 8, 1);
		addGaussian(two, 0, 24, 24, 1);
		double c1 = DECODER.decode(heatmaps(one, 1)).confidence(0);
		double c2 = DECODER.decode(heatmaps(two, 1)).confidence(0);
		// Half of the mass is outside the window around the first maximum.
		assertEquals(c1 / 2, c2, 0.02);
		assertTrue(c2 < 0.6, "confidence " + c2);
	}

	@Test
	void nonPositiveMapGivesZeroConfidence() {
		float[] maps = new float[SIZE * SIZE];
		java.util.Arrays.fill(maps, -0.2f);
		assertEquals(0, DECODER.decode(heatmaps(maps, 1)).confidence(0), 0);
	}

	@Test
	void occludedFlagComesFromTheGridUnderThePoint() {
		// Occlusion grid 16 x 16 at stride 8; cells (x 4..6, y 5..7) are covered with 0.9.
		float[] grid = new float[16 * 16];
		for (int gy = 5; gy <= 7; gy++) {
			for (int gx = 4; gx <= 6; gx++) {
				grid[gy * 16 + gx] = 0.9f;
			}
		}
		// Point 0 at the centre of cell (5, 6): crop (43.5, 51.5) = heat map (10.5, 12.5).
		// Point 1 at the centre of cell (12, 2): crop (99.5, 19.5) = heat map (24.5, 4.5), uncovered.
		float[] maps = new float[2 * SIZE * SIZE];
		addGaussian(maps, 0, 10.5, 12.5, 1);
		addGaussian(maps, 1, 24.5, 4.5, 1);
		Heatmaps h = new Heatmaps(maps, 2, SIZE, STRIDE, grid, 16, 8);
		Landmarks l = new HeatmapDecoder(3, 0.5).decode(h);
		assertEquals(43.5, l.point(0).x, 0.2);
		assertEquals(51.5, l.point(0).y, 0.2);
		assertTrue(l.occluded(0));
		assertFalse(l.occluded(1));
		// The threshold decides: above 0.9 nothing is occluded.
		Landmarks strict = new HeatmapDecoder(3, 0.95).decode(h);
		assertFalse(strict.occluded(0));
		assertFalse(strict.occluded(1));
	}

	@Test
	void occludedFlagComparesWithTheThreshold() {
		float[] grid = new float[16 * 16];
		java.util.Arrays.fill(grid, 0.6f);
		float[] maps = new float[SIZE * SIZE];
		addGaussian(maps, 0, 12.3, 20.8, 1);
		Heatmaps h = new Heatmaps(maps, 1, SIZE, STRIDE, grid, 16, 8);
		assertTrue(new HeatmapDecoder(3, 0.55).decode(h).occluded(0));
		assertFalse(new HeatmapDecoder(3, 0.65).decode(h).occluded(0));
	}

	@Test
	void occlusionAtInterpolatesBetweenCellCentres() {
		// 2 x 2 grid at stride 8: cell centres at crop 3.5 and 11.5. Values a=1 (0,0), b=5 (1,0), c=2 (0,1), d=11 (1,1).
		Heatmaps h = new Heatmaps(new float[1], 1, 1, 4, new float[] {1, 5, 2, 11}, 2, 8);
		assertEquals(1, h.occlusionAt(3.5, 3.5), 1e-12);
		assertEquals(5, h.occlusionAt(11.5, 3.5), 1e-12);
		assertEquals(2, h.occlusionAt(3.5, 11.5), 1e-12);
		assertEquals(11, h.occlusionAt(11.5, 11.5), 1e-12);
		assertEquals(3, h.occlusionAt(7.5, 3.5), 1e-12);
		assertEquals((1 + 5 + 2 + 11) / 4.0, h.occlusionAt(7.5, 7.5), 1e-12);
		// gx = 0.25, gy = 0.75: top 1*0.75 + 5*0.25 = 2, bottom 2*0.75 + 11*0.25 = 4.25 -> 2*0.25 + 4.25*0.75
		assertEquals(3.6875, h.occlusionAt(5.5, 9.5), 1e-12);
		// Clamped beyond the outer cell centres.
		assertEquals(1, h.occlusionAt(-20, 0), 1e-12);
		assertEquals(11, h.occlusionAt(100, 15), 1e-12);
	}

	/** The heat-map position each method decodes for one Gaussian at (u, v), worst axis error. */
	private static double error(HeatmapDecoder decoder, double u, double v) {
		float[] maps = new float[SIZE * SIZE];
		addGaussian(maps, 0, u, v, 1);
		Landmarks l = decoder.decode(heatmaps(maps, 1));
		return Math.max(Math.abs(toHeatmap(l.point(0).x) - u), Math.abs(toHeatmap(l.point(0).y) - v));
	}

	private static HeatmapDecoder decoder(SubpixelMethod method) {
		return new HeatmapDecoder(method, 3, SIGMA, 0.5);
	}

	@Test
	void darkIsExactOnSampledGaussiansInsideTheMap() {
		HeatmapDecoder dark = decoder(SubpixelMethod.DARK);
		double worst = 0;
		for (double du = -0.5; du <= 0.5001; du += 0.125) {
			for (double dv = -0.5; dv <= 0.5001; dv += 0.125) {
				worst = Math.max(worst, error(dark, 13 + du, 17 + dv));
			}
		}
		// Smoothing a Gaussian by a Gaussian leaves a Gaussian, whose log is a quadratic: one Newton step is exact.
		assertTrue(worst < 1e-3, "worst " + worst);
	}

	@Test
	void darkStaysCloseAtTheBorderWhereTheCentreOfGravityIsPulledInwards() {
		HeatmapDecoder dark = decoder(SubpixelMethod.DARK), gravity = decoder(SubpixelMethod.CENTRE_OF_GRAVITY);
		double worstDark = 0, worstGravity = 0;
		for (double c : new double[] {0.1, 0.3, 0.5, 0.8, 1.2, 1.6, 29.4, 30.2, 30.7, 30.9}) {
			worstDark = Math.max(worstDark, Math.max(error(dark, c, 15.3), error(dark, 15.3, c)));
			worstDark = Math.max(worstDark, error(dark, c, c));
			worstGravity = Math.max(worstGravity, Math.max(error(gravity, c, 15.3), error(gravity, 15.3, c)));
		}
		// Near the edge DARK takes the raw map's log (exact for a Gaussian); the centre of gravity loses the tail
		// beyond the edge and is pulled inwards.
		assertTrue(worstDark < 1e-3, "DARK at the border: worst " + worstDark);
		assertTrue(worstGravity > 0.2, "centre of gravity at the border: worst " + worstGravity);
	}

	@Test
	void darkPlacesAPointJustBeyondTheEdgeOutsideTheMap() {
		// Centre 0.4 pixel left of the first column: the maximum is pixel 0, the decoded point left of it.
		float[] maps = new float[SIZE * SIZE];
		addGaussian(maps, 0, -0.4, 12.25, 1);
		Landmarks l = decoder(SubpixelMethod.DARK).decode(heatmaps(maps, 1));
		assertEquals(-0.4, toHeatmap(l.point(0).x), 1e-3);
		assertEquals(12.25, toHeatmap(l.point(0).y), 0.01);
	}

	@Test
	void taylorOnTheRawMapIsCloseButBiasedTowardsThePeakPixel() {
		HeatmapDecoder taylor = decoder(SubpixelMethod.TAYLOR);
		assertTrue(error(taylor, 13, 17) < 1e-6, "a centred peak stays put");
		double worst = 0;
		for (double d = -0.5; d <= 0.5001; d += 0.125) {
			worst = Math.max(worst, error(taylor, 13 + d, 17 - d));
		}
		// A Gaussian is not a quadratic: the raw-map step falls short of the centre (sigma 1.5: by up to about 0.1 px).
		assertTrue(worst > 0.01 && worst < 0.2, "worst " + worst);
	}

	@Test
	void newtonStepsFallBackToThePeakPixelWhereTheMapIsNotAPeak() {
		float[] maps = new float[SIZE * SIZE];
		// A ridge along v = 9 (flat in u): no maximum of the expansion in u.
		for (int u = 0; u < SIZE; u++) {
			maps[9 * SIZE + u] = 1;
		}
		maps[9 * SIZE + 20] = 1.01f;
		for (SubpixelMethod method : new SubpixelMethod[] {SubpixelMethod.DARK, SubpixelMethod.TAYLOR}) {
			Landmarks l = decoder(method).decode(heatmaps(maps, 1));
			assertTrue(Math.abs(toHeatmap(l.point(0).x) - 20) <= 1 + 1e-9, method + ": " + l.point(0));
			assertTrue(Math.abs(toHeatmap(l.point(0).y) - 9) <= 1 + 1e-9, method + ": " + l.point(0));
		}
	}

	@Test
	void theMethodLeavesConfidenceAndOcclusionAlone() {
		float[] maps = new float[2 * SIZE * SIZE];
		addGaussian(maps, 0, 10.3, 12.6, 0.8);
		addGaussian(maps, 1, 24.5, 4.5, 1);
		addGaussian(maps, 1, 5, 25, 0.7);
		float[] grid = new float[16 * 16];
		grid[6 * 16 + 5] = 0.9f;
		Heatmaps h = new Heatmaps(maps, 2, SIZE, STRIDE, grid, 16, 8);
		Landmarks reference = decoder(SubpixelMethod.CENTRE_OF_GRAVITY).decode(h);
		for (SubpixelMethod method : SubpixelMethod.values()) {
			Landmarks l = decoder(method).decode(h);
			for (int m = 0; m < 2; m++) {
				assertEquals(reference.confidence(m), l.confidence(m), 1e-12, method + " map " + m);
				assertEquals(reference.occluded(m), l.occluded(m), method + " map " + m);
			}
		}
		assertTrue(reference.occluded(0));
	}

	@Test
	void methodsAreNamedAsInModelJson() {
		for (SubpixelMethod m : SubpixelMethod.values()) {
			assertEquals(m, SubpixelMethod.parse(m.key()));
		}
		assertEquals(SubpixelMethod.DARK, SubpixelMethod.parse(" DARK "));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubpixelMethod.parse("argmax"));
		assertTrue(e.getMessage().contains("'argmax'") && e.getMessage().contains("centre_of_gravity, dark or taylor"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new HeatmapDecoder(SubpixelMethod.DARK, 3, 0, 0.5));
	}

	@Test
	void heatmapCoordinatesFollowTheStride() {
		Heatmaps h = new Heatmaps(new float[4 * 4], 1, 4, 4, new float[1], 1, 8);
		assertEquals(1.5, h.toCrop(0), 1e-12);
		assertEquals(13.5, h.toCrop(3), 1e-12);
		assertEquals(2.5, h.fromCrop(11.5), 1e-12);
		assertEquals(0.7, h.fromCrop(h.toCrop(0.7)), 1e-12);
	}

	@Test
	void heatmapsCheckSizes() {
		assertThrows(IllegalArgumentException.class, () -> new Heatmaps(new float[15], 1, 4, 4, new float[1], 1, 8));
		assertThrows(IllegalArgumentException.class, () -> new Heatmaps(new float[16], 1, 4, 4, new float[3], 2, 8));
	}
}
