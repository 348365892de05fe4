package io.github.landmarkj.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

class OneEuroSmootherTest {
	private static final double FPS = 30;

	/** A square "face" of 4 points, 100 px wide, at (cx, cy). */
	static FrameEstimate frame(int i, double cx, double cy, boolean success) {
		List<Point2> p = new ArrayList<>();
		p.add(new Point2(cx - 50, cy - 50));
		p.add(new Point2(cx + 50, cy - 50));
		p.add(new Point2(cx + 50, cy + 50));
		p.add(new Point2(cx - 50, cy + 50));
		return new FrameEstimate(i, i / FPS, Landmarks.of(p), 0.9, success, HeadPose.FRONTAL);
	}

	private static double rmsStep(List<FrameEstimate> track, int from) {
		double s = 0;
		int n = 0;
		for (int i = from + 1; i < track.size(); i++) {
			s += Math.pow(track.get(i).landmarks().point(0).x - track.get(i - 1).landmarks().point(0).x, 2);
			n++;
		}
		return Math.sqrt(s / n);
	}

	@Test
	void stillFaceJittersLess() {
		Random rng = new Random(3);
		List<FrameEstimate> raw = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			raw.add(frame(i, 300 + rng.nextGaussian() * 2, 200 + rng.nextGaussian() * 2, true));
		}
		List<FrameEstimate> smooth = new OneEuroSmoother().smooth(raw);
		assertEquals(raw.size(), smooth.size());
		double before = rmsStep(raw, 20), after = rmsStep(smooth, 20);
		assertTrue(after < 0.4 * before, "frame-to-frame change " + after + " should be well below raw " + before);
		assertEquals(300, smooth.get(199).landmarks().point(0).x + 50, 2.0);
	}

	@Test
	void steadyMotionIsFollowedWithSmallLag() {
		List<FrameEstimate> raw = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			raw.add(frame(i, 100 + 5 * i, 200, true)); // 150 px/s = 1.5 face sizes per second
		}
		List<FrameEstimate> smooth = new OneEuroSmoother().smooth(raw);
		double lag = raw.get(119).landmarks().point(0).x - smooth.get(119).landmarks().point(0).x;
		assertTrue(lag >= 0 && lag < 5, "lag behind a steadily moving face: " + lag + " px");
	}

	@Test
	void failedFramesPassThroughAndDoNotPullTheFilter() {
		List<FrameEstimate> raw = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			boolean bad = i == 30;
			raw.add(frame(i, bad ? 900 : 300, 200, !bad));
		}
		List<FrameEstimate> smooth = new OneEuroSmoother().smooth(raw);
		assertSame(raw.get(30), smooth.get(30));
		assertEquals(250, smooth.get(31).landmarks().point(0).x, 1e-9);
		assertEquals(frame(0, 0, 0, true).frame(), smooth.get(0).frame());
	}

	@Test
	void noSmoothingKeepsEveryEstimate() {
		List<FrameEstimate> raw = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			raw.add(frame(i, 10 * i, 0, true));
		}
		List<FrameEstimate> out = TrackSmoothers.classic("none").smooth(raw);
		for (int i = 0; i < 5; i++) {
			assertSame(raw.get(i), out.get(i));
		}
	}
}
