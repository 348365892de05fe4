package io.github.landmarkj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.io.PtsFormat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

class HeadPoseEstimatorTest {
	private final HeadPoseEstimator estimator = HeadPoseEstimator.ibug68();
	private final MeanFace3D face = estimator.meanFace();

	/** The mean face turned by {@code pose}, seen orthographically at 150 px per eye distance, with noise. */
	private List<Point2> view(HeadPose pose, double noisePx, long seed) {
		double[][] r = PoseFit.rotationOf(pose);
		Random rng = new Random(seed);
		List<Point2> out = new ArrayList<>();
		for (int i = 0; i < face.size(); i++) {
			double[] p = face.point(i);
			out.add(new Point2(320 + 150 * HeadPoseEstimator.dot(r[0], p) + noisePx * rng.nextGaussian(),
					240 + 150 * HeadPoseEstimator.dot(r[1], p) + noisePx * rng.nextGaussian()));
		}
		return out;
	}

	private static void assertPose(HeadPose expected, HeadPose actual, double tolerance) {
		assertEquals(expected.pitch(), actual.pitch(), tolerance, "pitch of " + actual);
		assertEquals(expected.yaw(), actual.yaw(), tolerance, "yaw of " + actual);
		assertEquals(expected.roll(), actual.roll(), tolerance, "roll of " + actual);
	}

	@Test
	void bundledMeanFaceIsSymmetricWithTheNoseInFront() {
		assertEquals(68, face.size());
		int[] mirror = LandmarkScheme.ibug68().mirror();
		for (int i = 0; i < 68; i++) {
			assertEquals(-face.point(i)[0], face.point(mirror[i])[0], 1e-5);
			assertEquals(face.point(i)[1], face.point(mirror[i])[1], 1e-5);
			assertEquals(face.point(i)[2], face.point(mirror[i])[2], 1e-5);
		}
		assertEquals(1, face.point(45)[0] - face.point(36)[0], 1e-4, "unit: outer-eye-corner distance");
		assertTrue(face.point(30)[2] < face.point(36)[2] - 0.1, "nose tip in front of the eyes (smaller z)");
		assertTrue(face.point(8)[1] > face.point(30)[1] && face.point(30)[1] > face.point(36)[1], "y runs down the face");
	}

	@Test
	void frontalMeanFaceHasZeroPose() {
		PoseFit fit = estimator.fit(face.frontalProjection(120, 300, 200));
		assertPose(HeadPose.FRONTAL, fit.pose, 1e-6);
		assertEquals(120, fit.scale, 1e-6);
		assertEquals(0, fit.rmsResidual, 1e-6);
		Point2 nose = fit.project(face.point(30));
		assertEquals(300 + 120 * face.point(30)[0], nose.x, 1e-6);
		assertEquals(200 + 120 * face.point(30)[1], nose.y, 1e-6);
	}

	@Test
	void pointsOnOneSpotHaveNoPose() {
		List<Point2> spot = new ArrayList<>();
		for (int i = 0; i < 68; i++) {
			spot.add(new Point2(5, 5));
		}
		assertFalse(estimator.canFit(spot));
		assertFalse(estimator.estimate(Landmarks.of(spot)).isKnown());
		assertThrows(IllegalArgumentException.class, () -> estimator.fit(spot));
		assertTrue(estimator.estimate(Landmarks.of(face.frontalProjection(50, 0, 0))).isKnown());
	}

	@Test
	void knownPosesAreRecovered() {
		HeadPose[] poses = {new HeadPose(10, -20, 5), new HeadPose(-15, 35, -12), new HeadPose(25, 5, 30), new HeadPose(0, -50, 0)};
		for (HeadPose p : poses) {
			assertPose(p, estimator.fit(view(p, 0, 1)).pose, 1e-4);
			assertPose(p, estimator.fit(view(p, 1.0, 2)).pose, 3.0);
		}
	}

	@Test
	void signsFollowTheImageConvention() {
		// yaw > 0: the face turns toward the image's left, so the nose tip moves left of the eyes' midpoint.
		List<Point2> yawed = view(new HeadPose(0, 20, 0), 0, 1);
		assertTrue(yawed.get(30).x < (yawed.get(36).x + yawed.get(45).x) / 2 - 10);
		// pitch > 0: the face turns up, so the nose tip (in front) rises toward the eyes.
		List<Point2> front = view(HeadPose.FRONTAL, 0, 1), up = view(new HeadPose(20, 0, 0), 0, 1);
		assertTrue(up.get(30).y - up.get(36).y < front.get(30).y - front.get(36).y - 5);
		// roll > 0: tilted clockwise on screen, so the eye on the image's right (45) is lower.
		List<Point2> rolled = view(new HeadPose(0, 0, 15), 0, 1);
		assertTrue(rolled.get(45).y > rolled.get(36).y + 20);
	}

	@Test
	void rotatingTheImageChangesRollByTheAngle() throws IOException {
		for (List<Point2> points : faces()) {
			HeadPose before = estimator.fit(points).pose;
			for (double degrees : new double[] {-30, 12.5, 45}) {
				SimilarityTransform turn = SimilarityTransform.translation(250, 180)
						.compose(SimilarityTransform.of(1.3, Math.toRadians(degrees), 0, 0)).compose(SimilarityTransform.translation(-200, -150));
				HeadPose after = estimator.estimate(Landmarks.of(points).transformed(turn));
				assertEquals(before.roll() + degrees, after.roll(), 1e-6);
				assertEquals(before.pitch(), after.pitch(), 1e-6);
				assertEquals(before.yaw(), after.yaw(), 1e-6);
			}
		}
	}

	@Test
	void mirroringNegatesYawAndRoll() throws IOException {
		int[] mirror = LandmarkScheme.ibug68().mirror();
		for (List<Point2> points : faces()) {
			HeadPose pose = estimator.fit(points).pose;
			Landmarks mirrored = Landmarks.of(points).transformed(SimilarityTransform.horizontalFlip(640)).permuted(mirror);
			HeadPose m = estimator.estimate(mirrored);
			assertEquals(pose.pitch(), m.pitch(), 1e-6);
			assertEquals(-pose.yaw(), m.yaw(), 1e-6);
			assertEquals(-pose.roll(), m.roll(), 1e-6);
		}
	}

	/** A turned synthetic face with noise, and real annotated faces when the shared data is there. */
	private List<List<Point2>> faces() throws IOException {
		List<List<Point2>> out = new ArrayList<>();
		out.add(view(new HeadPose(12, -25, 8), 2.0, 7));
		Path folder = Paths.get("..", "shared", "data", "face68", "train", "helen");
		if (Files.isDirectory(folder)) {
			try (java.util.stream.Stream<Path> s = Files.list(folder)) {
				s.filter(p -> p.toString().endsWith(".pts")).sorted().limit(5).forEach(p -> {
					try {
						out.add(PtsFormat.read(p));
					} catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				});
			}
		}
		return out;
	}
}
