package io.github.landmarkj.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.Device;
import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.engine.TemporalModel;
import io.github.landmarkj.net.TemporalConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LearnedSmootherTest {
	private static FrameEstimate estimate(int frame, boolean success, Random rng) {
		List<Point2> p = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			p.add(new Point2(50 + 20 * i + rng.nextGaussian(), 60 + 10 * (i % 2) + rng.nextGaussian()));
		}
		Landmarks l = new Landmarks(p, new double[] {0.9, 0.8, 0.7}, new boolean[] {false, true, false});
		return new FrameEstimate(frame, frame / 30.0, l, 0.8, success, HeadPose.FRONTAL);
	}

	@Test
	void failedFramesAndLoneFramesPassThroughAndTheOthersAreCorrected() {
		Random rng = new Random(1);
		List<FrameEstimate> track = new ArrayList<>();
		// Frames 0-3 trusted, 4 failed, 5-6 trusted, then a gap, 9 trusted alone.
		for (int f : new int[] {0, 1, 2, 3, 4, 5, 6, 9}) {
			track.add(estimate(f, f != 4, rng));
		}
		TemporalConfig config = new TemporalConfig(3, 15, 8, 4, 1, true);
		try (LearnedSmoother smoother = new LearnedSmoother(TemporalModel.create(config, Device.cpu()), "untrained")) {
			List<FrameEstimate> out = smoother.smooth(track);
			assertEquals(track.size(), out.size());
			assertSame(track.get(4), out.get(4));
			assertSame(track.get(7), out.get(7));
			for (int k : new int[] {0, 1, 2, 3, 5, 6}) {
				assertEquals(track.get(k).frame(), out.get(k).frame());
				assertNotEquals(track.get(k).landmarks().point(0), out.get(k).landmarks().point(0));
				assertEquals(0.8, out.get(k).landmarks().confidence(1), 0);
				assertEquals(true, out.get(k).landmarks().occluded(1));
			}
			assertEquals(LearnedSmoother.NAME, smoother.name());
		}
	}
}
