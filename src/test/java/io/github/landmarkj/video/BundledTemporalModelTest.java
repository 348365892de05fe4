package io.github.landmarkj.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.io.PtsFormat;
import io.github.landmarkj.train.SequenceMetrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BundledTemporalModelTest {
	@Test
	void bundledModelLoadsAndKeepsAStillFaceInPlace() throws Exception {
		Path pts = Paths.get("..", "shared", "data", "face68", "train", "lfpw", "image_0001.pts");
		assumeTrue(Files.isRegularFile(pts), "needs ../shared/data");
		List<Point2> face = PtsFormat.read(pts);
		int frames = 30, m = face.size();
		Random rng = new Random(3);
		List<FrameEstimate> track = new ArrayList<>();
		float[] truth = new float[frames * m * 2], noisy = new float[frames * m * 2];
		for (int t = 0; t < frames; t++) {
			List<Point2> p = new ArrayList<>();
			for (int i = 0; i < m; i++) {
				Point2 q = face.get(i);
				Point2 n = new Point2(q.x + 1.5 * rng.nextGaussian(), q.y + 1.5 * rng.nextGaussian());
				p.add(n);
				truth[(t * m + i) * 2] = (float) q.x;
				truth[(t * m + i) * 2 + 1] = (float) q.y;
				noisy[(t * m + i) * 2] = (float) n.x;
				noisy[(t * m + i) * 2 + 1] = (float) n.y;
			}
			double[] c = new double[m];
			Arrays.fill(c, 0.8);
			track.add(new FrameEstimate(t, t / 30.0, new Landmarks(p, c, new boolean[m]), 0.8, true, HeadPose.FRONTAL));
		}
		float[] smoothed = new float[noisy.length];
		try (LearnedSmoother smoother = LearnedSmoother.open("temporal68", Device.cpu())) {
			assertEquals("bundled:temporal68", smoother.origin());
			List<FrameEstimate> out = smoother.smooth(track);
			for (int t = 0; t < frames; t++) {
				for (int i = 0; i < m; i++) {
					smoothed[(t * m + i) * 2] = (float) out.get(t).landmarks().point(i).x;
					smoothed[(t * m + i) * 2 + 1] = (float) out.get(t).landmarks().point(i).y;
				}
			}
		}
		SequenceMetrics raw = new SequenceMetrics(m, 36, 45).add(noisy, truth, frames);
		SequenceMetrics learned = new SequenceMetrics(m, 36, 45).add(smoothed, truth, frames);
		// Measured (models/temporal68/CARD.md): on exact points plus white noise it does NOT low-pass the noise
		// (jitter about the raw one) and it moves the points by the per-frame network's typical bias that it
		// learned to correct (NME 1.7% -> 3.1%): its gain on the synthetic videos comes from correcting the
		// per-frame network's failed and biased frames. It must still keep the face where it is.
		System.out.printf("still face, 1.5 px noise: NME raw %.4f learned %.4f, jitter raw %.4f learned %.4f%n", raw.nme(),
				learned.nme(), raw.jitter(), learned.jitter());
		assertTrue(learned.nme() < 0.05, "NME " + learned.nme() + " vs raw " + raw.nme());
		assertTrue(learned.jitter() < 1.1 * raw.jitter(), "jitter " + learned.jitter() + " vs raw " + raw.jitter());
	}
}
