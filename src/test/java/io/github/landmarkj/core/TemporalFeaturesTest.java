package io.github.landmarkj.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TemporalFeaturesTest {
	private static float[] randomTrack(int frames, int points, Random rng) {
		float[] xy = new float[frames * points * 2];
		for (int k = 0; k < xy.length; k++) {
			xy[k] = 100 + 40 * rng.nextFloat() + (k / (points * 2)) * 2;
		}
		return xy;
	}

	@Test
	void applyingTheTargetGivesTheTruthBack() {
		Random rng = new Random(1);
		TemporalFeatures f = new TemporalFeatures(5);
		float[] raw = randomTrack(6, 5, rng), truth = raw.clone();
		for (int k = 0; k < truth.length; k++) {
			truth[k] += (float) rng.nextGaussian();
		}
		assertArrayEquals(truth, f.apply(raw, f.target(raw, truth, 6), 6), 1e-3f);
	}

	@Test
	void featuresIgnoreWhereTheFaceIsAndHowLargeItIs() {
		Random rng = new Random(2);
		TemporalFeatures f = new TemporalFeatures(5);
		float[] xy = randomTrack(4, 5, rng), moved = new float[xy.length];
		float[] conf = new float[4 * 5];
		for (int k = 0; k < xy.length; k++) {
			moved[k] = 3 * xy[k] + (k % 2 == 0 ? 250 : -40);
		}
		assertArrayEquals(f.encode(xy, conf, 4), f.encode(moved, conf, 4), 1e-4f);
	}

	@Test
	void featuresOfAPointAreItsBoxPositionMotionAndConfidence() {
		TemporalFeatures f = new TemporalFeatures(2);
		// Two frames of two points: box 10 px wide centred at (5, 0), then moved 1 px right.
		float[] xy = {0, 0, 10, 0, 1, 0, 11, 0};
		float[] conf = {0.5f, 0.7f, 0.6f, 0.8f};
		float[] in = f.encode(xy, conf, 2);
		assertEquals(10, f.inputWidth());
		assertArrayEquals(new float[] {-0.5f, 0, 0, 0, 0.5f, 0.5f, 0, 0, 0, 0.7f}, java.util.Arrays.copyOfRange(in, 0, 10), 1e-6f);
		float motion = 1f / 10 * TemporalFeatures.MOTION_SCALE;
		assertArrayEquals(new float[] {-0.5f, 0, motion, 0, 0.6f, 0.5f, 0, motion, 0, 0.8f}, java.util.Arrays.copyOfRange(in, 10, 20), 1e-6f);
	}

	@Test
	void aFrameWhosePointsCollapseKeepsTheScaleOfItsNeighbours() {
		TemporalFeatures f = new TemporalFeatures(2);
		float[] xy = {0, 0, 10, 0, 5, 0, 5.001f, 0, 0, 0, 10, 0};
		assertEquals(10, f.faceFrames(xy, 3)[1][2], 1e-6);
	}
}
