package io.github.landmarkj.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RgbImageTest {

	/** Channel c at (x, y) = 1000 c + 10 y + x, which is bilinear-exact and distinguishes every pixel. */
	private static RgbImage ramp(int w, int h) {
		float[] p = new float[3 * w * h];
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					p[(c * h + y) * w + x] = 1000 * c + 10 * y + x;
				}
			}
		}
		return RgbImage.wrap(w, h, p);
	}

	@Test
	void warpWithIdentityKeepsPixels() {
		RgbImage img = ramp(7, 5);
		RgbImage out = img.warp(SimilarityTransform.identity(), 7, 5);
		assertEquals(7, out.width());
		assertEquals(5, out.height());
		assertArrayEquals(img.toPlanarArray(), out.toPlanarArray(), 0f);
	}

	@Test
	void warpWithIntegerTranslationShiftsPixels() {
		RgbImage img = ramp(9, 8);
		// out(x, y) = in(x - 2, y - 3); edge replication where x - 2 < 0 or y - 3 < 0.
		RgbImage out = img.warp(SimilarityTransform.translation(2, 3), 9, 8);
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < 8; y++) {
				for (int x = 0; x < 9; x++) {
					int sx = Math.max(0, x - 2), sy = Math.max(0, y - 3);
					assertEquals(img.get(c, sx, sy), out.get(c, x, y), 1e-4f, "c=" + c + " x=" + x + " y=" + y);
				}
			}
		}
		// Out-of-image samples replicate the border, not black.
		assertEquals(1000f, out.get(1, 0, 0), 1e-4f);
	}

	@Test
	void warpIntoASmallerOutputCrops() {
		RgbImage img = ramp(10, 10);
		RgbImage out = img.warp(SimilarityTransform.translation(-4, -5), 3, 2);
		assertEquals(3, out.width());
		assertEquals(2, out.height());
		assertEquals(10 * 5 + 4, out.get(0, 0, 0), 1e-4f);
		assertEquals(1000 + 10 * 6 + 6, out.get(1, 2, 1), 1e-4f);
	}

	@Test
	void warpUpscaleInterpolatesBilinearly() {
		// Scale 2: output pixel (1, 1) reads input (0.5, 0.5).
		RgbImage img = RgbImage.fromGrey(2, 2, new float[] {0, 10, 20, 40});
		RgbImage out = img.warp(SimilarityTransform.of(2, 0, 0, 0), 3, 3);
		assertEquals(17.5f, out.get(0, 1, 1), 1e-5f);
		assertEquals(5f, out.get(2, 1, 0), 1e-5f);
		assertEquals(40f, out.get(0, 2, 2), 1e-5f);
	}

	@Test
	void downsampleAveragesBlocks() {
		// 5 x 3 grey, k = 2: blocks {0,1,5,6}, {2,3,7,8}, {4,9}, {10,11}, {12,13}, {14}.
		float[] g = new float[15];
		for (int i = 0; i < 15; i++) {
			g[i] = i;
		}
		RgbImage d = RgbImage.fromGrey(5, 3, g).downsample(2);
		assertEquals(3, d.width());
		assertEquals(2, d.height());
		float[] expected = {3f, 5f, 6.5f, 10.5f, 12.5f, 14f};
		for (int c = 0; c < 3; c++) {
			for (int j = 0; j < 2; j++) {
				for (int i = 0; i < 3; i++) {
					assertEquals(expected[j * 3 + i], d.get(c, i, j), 1e-6f, "c=" + c + " i=" + i + " j=" + j);
				}
			}
		}
	}

	@Test
	void downsampleKeepsChannelsApart() {
		RgbImage d = ramp(4, 4).downsample(4);
		assertEquals(1, d.width());
		// mean of 10 y + x over 0..3 = 15 + 1.5
		assertEquals(16.5f, d.get(0, 0, 0), 1e-4f);
		assertEquals(1016.5f, d.get(1, 0, 0), 1e-4f);
		assertEquals(2016.5f, d.get(2, 0, 0), 1e-4f);
	}

	@Test
	void strongShrinkAveragesInsteadOfSampling() {
		int n = 64;
		float[] g = new float[n * n];
		for (int y = 0; y < n; y++) {
			for (int x = 0; x < n; x++) {
				g[y * n + x] = (x + y) % 2 == 0 ? 255 : 0;
			}
		}
		RgbImage img = RgbImage.fromGrey(n, n, g);
		// Scale 1/4: point sampling would read input (4 ox, 4 oy), always a 255 pixel.
		RgbImage out = img.warp(SimilarityTransform.of(0.25, 0, 0, 0), 16, 16);
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < 15; y++) {
				for (int x = 0; x < 15; x++) {
					assertEquals(127.5f, out.get(c, x, y), 1e-3f, "c=" + c + " x=" + x + " y=" + y);
				}
			}
		}
		// And at a rotation too (scale 0.3, k = 3: blocks of 9 hold 4 or 5 white pixels).
		RgbImage rot = img.warp(SimilarityTransform.of(0.3, 0.4, 2, 1), 16, 16);
		for (int y = 4; y < 12; y++) {
			for (int x = 4; x < 12; x++) {
				float v = rot.get(0, x, y);
				assertTrue(v >= 4 * 255 / 9f - 1e-3f && v <= 5 * 255 / 9f + 1e-3f, "value " + v + " at " + x + "," + y);
			}
		}
	}

	@Test
	void anAntiAliasedShrinkKeepsGeometry() {
		// A linear ramp stays a linear ramp: out(ox, oy) = in at (4 ox, 4 oy) for scale 1/4 (exact for linear images
		// since block averaging and bilinear interpolation preserve linear functions), away from the partial edge.
		RgbImage img = ramp(40, 40);
		RgbImage out = img.warp(SimilarityTransform.of(0.25, 0, 0, 0), 10, 10);
		// (Output 0 would read left of the first block centre and is clamped, so start at 1.)
		for (int oy = 1; oy < 10; oy++) {
			for (int ox = 1; ox < 10; ox++) {
				assertEquals(10 * 4 * oy + 4 * ox, out.get(0, ox, oy), 1e-3f, ox + "," + oy);
			}
		}
	}

	@Test
	void sampleIsBilinear() {
		RgbImage img = RgbImage.fromGrey(2, 2, new float[] {0, 10, 20, 40});
		assertEquals(17.5f, img.sample(0, 0.5, 0.5), 1e-6f);
		assertEquals(5f, img.sample(1, 0.5, 0), 1e-6f);
		assertEquals(30f, img.sample(2, 0.5, 1), 1e-6f);
		assertEquals(10f, img.sample(0, 0, 0.5), 1e-6f);
		// 0.25, 0.75: top = 2.5, bottom = 25, -> 2.5 + 22.5 * 0.75
		assertEquals(19.375f, img.sample(0, 0.25, 0.75), 1e-5f);
		assertEquals(40f, img.sample(0, 1, 1), 1e-6f);
		// clamped outside
		assertEquals(0f, img.sample(0, -3, -3), 1e-6f);
		assertEquals(40f, img.sample(0, 9, 9), 1e-6f);
	}

	@Test
	void packedRoundTrip() {
		int[] rgb = {0x102030, 0xff0080};
		RgbImage img = RgbImage.fromPackedRgb(2, 1, rgb);
		assertEquals(0x10, img.get(0, 0, 0), 0f);
		assertEquals(0x20, img.get(1, 0, 0), 0f);
		assertEquals(0x80, img.get(2, 1, 0), 0f);
		assertArrayEquals(rgb, img.toPackedRgb());
	}

	/**
	 * Shrinking warps average only the blocks they reach; the result must be exactly what averaging the
	 * whole image first gives (the bundled model was trained on that), also for rotated crops and crops
	 * that reach past the image's edge or lie wholly outside it.
	 */
	@Test
	void shrinkingWarpEqualsWarpOfTheWholeDownsampledImage() {
		java.util.Random rng = new java.util.Random(5);
		float[] px = new float[3 * 301 * 203];
		for (int i = 0; i < px.length; i++) {
			px[i] = rng.nextFloat() * 255;
		}
		RgbImage img = RgbImage.wrap(301, 203, px);
		double[][] cases = { // box x, y, side, rotation (degrees)
			{100, 50, 90, 0}, {100, 50, 90, 25}, {-40, -30, 120, -10}, {250, 160, 100, 40}, {20, 10, 190, 0},
			{-500, -400, 100, 0}, {900, 20, 80, 5}, {3, 3, 60, 90}};
		for (double[] c : cases) {
			SimilarityTransform t = new CropRule(32, 1.35).transformFor(new FaceBox(c[0], c[1], c[2], c[2]));
			t = t.compose(SimilarityTransform.of(1, Math.toRadians(c[3]), 0, 0));
			int k = (int) Math.floor(1 / t.scale());
			assertTrue(k >= 2, "the case must shrink: k = " + k);
			RgbImage reference = img.downsample(k).warp(t.compose(SimilarityTransform.of(k, 0, (k - 1) / 2.0, (k - 1) / 2.0)), 32, 32);
			assertArrayEquals(reference.toPlanarArray(), img.warp(t, 32, 32).toPlanarArray(), 0f, java.util.Arrays.toString(c));
		}
	}
}
