package io.github.landmarkj.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.landmarkj.core.CropRule;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.InputNormalisation;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;
import io.github.landmarkj.core.SyntheticOccluder;
import io.github.landmarkj.eval.SyntheticOcclusionCheck;

class FaceAugmenterTest {
	private static final int S = 128;
	private static final int HM = 32;
	private static final int CELL = 8;
	private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
	private static final float[] STD = {0.229f, 0.224f, 0.225f};

	private final CropRule cropRule = new CropRule(S, 1.35);
	private final int[] mirror = LandmarkScheme.ibug68().mirror();
	/** The face in a 200 x 180 photo, slightly asymmetric so that mirror mistakes show. */
	private final List<Point2> points = FaceLayout.face68(45, 30, 2.5, 17);
	private final RgbImage image = gradientImage(200, 180);

	private static RgbImage gradientImage(int w, int h) {
		float[] p = new float[3 * w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				p[y * w + x] = 255f * x / (w - 1);
				p[w * h + y * w + x] = 255f * y / (h - 1);
				p[2 * w * h + y * w + x] = (float) (127.5 + 120 * Math.sin(x / 7.0 + y / 11.0));
			}
		}
		return RgbImage.wrap(w, h, p);
	}

	private FaceAugmenter augmenter(AugmentationConfig config) {
		List<Point2> meanShape = new ArrayList<>();
		SimilarityTransform t = cropRule.transformFor(FaceBox.enclosing(FaceLayout.face68(0, 0, 0, 1)));
		for (Point2 p : FaceLayout.face68(0, 0, 0, 1)) {
			meanShape.add(t.apply(p));
		}
		return new FaceAugmenter(cropRule, InputNormalisation.imagenet(), new HeatmapTargets(HM, 4, 1.5), CELL, mirror, config,
				meanShape);
	}

	private static AugmentationConfig flipOnly() {
		return AugmentationConfig.builder().flipProbability(1).build();
	}

	/** The normalised input back in 0..255, written out with the ImageNet constants. */
	private static float crop255(TrainingExample e, int c, int x, int y) {
		return (e.input[c * S * S + y * S + x] * STD[c] + MEAN[c]) * 255f;
	}

	@Test
	void noAugmentationUsesTheInferenceCrop() {
		TrainingExample e = augmenter(AugmentationConfig.none()).make(image, points, null, new Random(1));
		SimilarityTransform t = cropRule.transformFor(FaceBox.enclosing(points));
		assertEquals(68, e.cropPoints.size());
		for (int i = 0; i < 68; i++) {
			Point2 expected = t.apply(points.get(i));
			assertEquals(expected.x, e.cropPoints.get(i).x, 1e-9, "point " + i);
			assertEquals(expected.y, e.cropPoints.get(i).y, 1e-9, "point " + i);
			assertFalse(e.occluded(i));
		}
		// The input is the warped photo, normalised.
		RgbImage crop = image.warp(t, S, S);
		assertEquals(3 * S * S, e.input.length);
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < S; y += 7) {
				for (int x = 0; x < S; x += 5) {
					float expected = (crop.get(c, x, y) / 255f - MEAN[c]) / STD[c];
					assertEquals(expected, e.input[c * S * S + y * S + x], 1e-4f, "c=" + c + " " + x + "," + y);
				}
			}
		}
		assertEquals(68 * HM * HM, e.heatmaps.length);
		assertEquals((S / CELL) * (S / CELL), e.occlusionGrid.length);
		for (float g : e.occlusionGrid) {
			assertEquals(0f, g, 0f);
		}
	}

	@Test
	void noAugmentationDoesNotDependOnTheRandomSeed() {
		FaceAugmenter a = augmenter(AugmentationConfig.none());
		TrainingExample e1 = a.make(image, points, null, new Random(1)), e2 = a.make(image, points, null, new Random(99));
		for (int i = 0; i < 68; i++) {
			assertEquals(e1.cropPoints.get(i), e2.cropPoints.get(i));
		}
	}

	@Test
	void flipSwapsMirroredPoints() {
		TrainingExample plain = augmenter(AugmentationConfig.none()).make(image, points, null, new Random(1));
		TrainingExample flipped = augmenter(flipOnly()).make(image, points, null, new Random(1));
		// The subject's right outer eye corner (36) of the flipped crop is where the left one (45) was, mirrored.
		assertEquals(S - 1 - plain.cropPoints.get(45).x, flipped.cropPoints.get(36).x, 1e-9);
		assertEquals(plain.cropPoints.get(45).y, flipped.cropPoints.get(36).y, 1e-9);
		assertEquals(S - 1 - plain.cropPoints.get(36).x, flipped.cropPoints.get(45).x, 1e-9);
		// Every point, by the scheme's permutation: jaw ends, inner eye corners, mouth corners, nose tip.
		for (int i = 0; i < 68; i++) {
			Point2 source = plain.cropPoints.get(mirror[i]);
			assertEquals(S - 1 - source.x, flipped.cropPoints.get(i).x, 1e-9, "point " + i);
			assertEquals(source.y, flipped.cropPoints.get(i).y, 1e-9, "point " + i);
		}
		// The subject's right eye stays on the image's left after flipping.
		assertTrue(flipped.cropPoints.get(36).x < flipped.cropPoints.get(45).x);
		assertEquals(S - 1 - plain.cropPoints.get(16).x, flipped.cropPoints.get(0).x, 1e-9);
		assertEquals(S - 1 - plain.cropPoints.get(30).x, flipped.cropPoints.get(30).x, 1e-9);
	}

	@Test
	void flippedImageIsTheMirroredCrop() {
		TrainingExample plain = augmenter(AugmentationConfig.none()).make(image, points, null, new Random(1));
		TrainingExample flipped = augmenter(flipOnly()).make(image, points, null, new Random(1));
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < S; y += 3) {
				for (int x = 0; x < S; x++) {
					assertEquals(crop255(plain, c, S - 1 - x, y), crop255(flipped, c, x, y), 0.01f, "c=" + c + " " + x + "," + y);
				}
			}
		}
	}

	@Test
	void flippingTwiceIsTheIdentity() {
		SimilarityTransform flip = SimilarityTransform.horizontalFlip(S);
		List<Point2> start = new ArrayList<>();
		for (Point2 p : points) {
			start.add(cropRule.transformFor(FaceBox.enclosing(points)).apply(p));
		}
		List<Point2> once = flipWithMirror(flip, start), twice = flipWithMirror(flip, once);
		for (int i = 0; i < 68; i++) {
			assertEquals(start.get(i).x, twice.get(i).x, 1e-9, "point " + i);
			assertEquals(start.get(i).y, twice.get(i).y, 1e-9, "point " + i);
		}
		// Once is the mirror: point 36 takes the mirrored position of 45.
		assertEquals(S - 1 - start.get(45).x, once.get(36).x, 1e-9);
		assertEquals(start.get(45).y, once.get(36).y, 1e-9);
	}

	private List<Point2> flipWithMirror(SimilarityTransform flip, List<Point2> in) {
		List<Point2> out = new ArrayList<>();
		for (int i = 0; i < in.size(); i++) {
			out.add(flip.apply(in.get(mirror[i])));
		}
		return out;
	}

	@Test
	void heatmapTargetsPeakAtThePoints() {
		for (AugmentationConfig config : new AugmentationConfig[] {AugmentationConfig.none(), flipOnly(), AugmentationConfig.standard()}) {
			for (long seed = 0; seed < 3; seed++) {
				TrainingExample e = augmenter(config).make(image, points, null, new Random(seed));
				for (int m = 0; m < 68; m++) {
					Point2 p = e.cropPoints.get(m);
					double u = (p.x - 1.5) / 4, v = (p.y - 1.5) / 4;
					if (u < 0 || v < 0 || u > HM - 1 || v > HM - 1) {
						continue; // a jittered crop may push a point off the map
					}
					int best = 0;
					for (int i = 1; i < HM * HM; i++) {
						if (e.heatmaps[m * HM * HM + i] > e.heatmaps[m * HM * HM + best]) {
							best = i;
						}
					}
					int bu = best % HM, bv = best / HM;
					assertTrue(Math.abs(bu - u) <= 0.5 + 1e-9 && Math.abs(bv - v) <= 0.5 + 1e-9,
							"map " + m + " peak at " + bu + "," + bv + " for point " + u + "," + v);
					double d2 = (bu - u) * (bu - u) + (bv - v) * (bv - v);
					assertEquals(Math.exp(-d2 / 4.5), e.heatmaps[m * HM * HM + best], 1e-6);
				}
			}
		}
	}

	/** What the augmenter paints for an occludedOnly config: replays its random draws (3 for the crop, flip, caricature, occluder). */
	private static float[] replayedMask(long seed) {
		Random rng = new Random(seed);
		for (int i = 0; i < 6; i++) {
			rng.nextDouble();
		}
		return new SyntheticOccluder(0.2, 0.6).paint(new float[3 * S * S], S, null, rng);
	}

	@Test
	void occlusionTargetsFollowThePaintedMask() {
		FaceAugmenter plainAugmenter = augmenter(AugmentationConfig.none());
		FaceAugmenter occluding = augmenter(AugmentationConfig.occludedOnly());
		TrainingExample plain = plainAugmenter.make(image, points, null, new Random(0));
		int g = S / CELL, seedsWithOccludedPoints = 0, seedsWithVisiblePoints = 0;
		for (long seed = 0; seed < 12; seed++) {
			TrainingExample e = occluding.make(image, points, null, new Random(seed));
			// Same crop as without occluder.
			for (int i = 0; i < 68; i++) {
				assertEquals(plain.cropPoints.get(i), e.cropPoints.get(i));
			}
			float[] mask = replayedMask(seed);
			// Grid = mean of the mask over each 8 x 8 cell, summed here independently.
			double total = 0;
			for (int gy = 0; gy < g; gy++) {
				for (int gx = 0; gx < g; gx++) {
					double sum = 0;
					for (int y = gy * CELL; y < gy * CELL + CELL; y++) {
						for (int x = gx * CELL; x < gx * CELL + CELL; x++) {
							sum += mask[y * S + x];
						}
					}
					assertEquals(sum / (CELL * CELL), e.occlusionGrid[gy * g + gx], 1e-5, "seed " + seed + " cell " + gx + "," + gy);
					total += sum;
				}
			}
			assertTrue(total > 20, "seed " + seed + ": no occluder painted");
			// Pixels that changed against the plain crop lie in covered cells, and fully covered pixels changed.
			for (int y = 0; y < S; y++) {
				for (int x = 0; x < S; x++) {
					float cell = e.occlusionGrid[(y / CELL) * g + x / CELL];
					boolean changed = false;
					for (int c = 0; c < 3; c++) {
						changed |= Math.abs(crop255(e, c, x, y) - crop255(plain, c, x, y)) > 0.01f;
					}
					if (changed) {
						assertTrue(cell > 0, "seed " + seed + ": pixel " + x + "," + y + " changed in an uncovered cell");
					}
					if (mask[y * S + x] == 0) {
						assertFalse(changed, "seed " + seed + ": pixel " + x + "," + y + " changed outside the mask");
					}
				}
			}
			// Occluded flags: the mask under the (rounded) point is over one half, hence the grid there is > 0.
			for (int i = 0; i < 68; i++) {
				Point2 p = e.cropPoints.get(i);
				int x = (int) Math.round(p.x), y = (int) Math.round(p.y);
				assertEquals(mask[y * S + x] > 0.5f, e.occluded(i), "seed " + seed + " point " + i);
				if (e.occluded(i)) {
					assertTrue(e.occlusionGrid[(y / CELL) * g + x / CELL] > 0, "seed " + seed + " point " + i);
					seedsWithOccludedPoints++;
				} else {
					seedsWithVisiblePoints++;
				}
			}
		}
		assertTrue(seedsWithOccludedPoints > 0, "no occluded point in any seed: the test checks nothing");
		assertTrue(seedsWithVisiblePoints > 0);
	}

	/** Evaluation pastes its occluders without the training augmenter, and gets the same crops and hidden points from a seed. */
	@Test
	void evaluationOccludersAreTheOnesTheAugmenterPasted() {
		float[] donor = image.warp(cropRule.transformFor(FaceBox.enclosing(points)), S, S).toPlanarArray();
		int hidden = 0;
		for (long seed = 1; seed <= 20; seed++) {
			Random a = new Random(seed), b = new Random(seed);
			for (int face = 0; face < 2; face++) { // the second face checks that both leave the generator alike
				TrainingExample e = augmenter(AugmentationConfig.occludedOnly()).make(image, points, donor, a);
				SyntheticOcclusionCheck.OccludedCrop c = SyntheticOcclusionCheck.occludedCrop(cropRule, InputNormalisation.imagenet(),
						image, points, donor, b);
				assertArrayEquals(e.input, c.input, "seed " + seed);
				for (int i = 0; i < 68; i++) {
					assertEquals(e.occluded(i), c.hidden(i), "seed " + seed + ", point " + i);
					hidden += c.hidden(i) ? 1 : 0;
				}
			}
		}
		assertTrue(hidden > 40, "occluders hid only " + hidden + " points in 40 crops");
	}
}
