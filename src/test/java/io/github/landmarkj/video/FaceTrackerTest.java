package io.github.landmarkj.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.MeanFace3D;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tracker's bookkeeping on a synthetic scene whose faces are known: the "detector" and "network" are
 * stand-ins that report the true faces, so identities and positions can be checked exactly.
 */
class FaceTrackerTest {
	private static final List<Point2> MEAN = MeanFace3D.bundled().frontalProjection(80, 0, 0);
	private static final RgbImage FRAME = RgbImage.wrap(1, 1, new float[3]);

	/** A scene: faces (centre x, y) per frame; a face is absent where its entry is null. */
	private static final class Scene {
		final Map<Integer, List<Point2>> centres = new TreeMap<>();
		int detectorCalls;

		List<Point2> at(int frame) {
			return centres.get(frame);
		}

		static Landmarks face(Point2 c, double confidence) {
			List<Point2> p = new ArrayList<>();
			for (Point2 m : MEAN) {
				p.add(new Point2(m.x + c.x, m.y + c.y));
			}
			double[] conf = new double[p.size()];
			java.util.Arrays.fill(conf, confidence);
			return new Landmarks(p, conf, new boolean[p.size()]);
		}

		FaceTracker tracker(int[] frameOf, TrackerSettings settings) {
			FaceLocator locator = image -> {
				detectorCalls++;
				List<FaceBox> boxes = new ArrayList<>();
				for (Point2 c : at(frameOf[0])) {
					if (c != null) {
						boxes.add(face(c, 1).boundingBox());
					}
				}
				return boxes;
			};
			LandmarkEstimator estimator = (image, regions) -> {
				List<Landmarks> out = new ArrayList<>();
				for (FaceBox r : regions) {
					Point2 best = null;
					double bestIou = 0.1;
					for (Point2 c : at(frameOf[0])) {
						if (c != null && face(c, 1).boundingBox().iou(r) > bestIou) {
							best = c;
							bestIou = face(c, 1).boundingBox().iou(r);
						}
					}
					// A region without a face gives landmarks where it is, with low confidence.
					out.add(best != null ? face(best, 0.8) : face(new Point2(r.centerX(), r.centerY()), 0.05));
				}
				return out;
			};
			return new FaceTracker(locator, estimator, HeadPoseEstimator.ibug68(), settings);
		}
	}

	/** Mean of the points: the face's centre in the scene (the mean face's centroid is its origin). */
	private static Point2 centre(TrackedFace f) {
		double x = 0, y = 0;
		for (Point2 p : f.estimate().landmarks().points()) {
			x += p.x / 68;
			y += p.y / 68;
		}
		return new Point2(x, y);
	}

	@Test
	void identitiesStayPutWhileFacesMoveAppearAndLeave() {
		Scene scene = new Scene();
		int frames = 100;
		for (int f = 0; f < frames; f++) {
			List<Point2> c = new ArrayList<>();
			c.add(new Point2(150 + 3 * f, 150)); // moves right
			c.add(new Point2(600 - 2 * f, 400 + Math.sin(f / 5.0) * 20)); // moves left, bobbing
			c.add(f >= 33 && f < 70 ? new Point2(700, 120) : null); // appears at 33, leaves at 70
			scene.centres.put(f, c);
		}
		int[] frame = {0};
		FaceTracker tracker = scene.tracker(frame, TrackerSettings.defaults());
		Map<Integer, List<TrackedFace>> out = new TreeMap<>();
		for (int f = 0; f < frames; f++) {
			frame[0] = f;
			out.put(f, tracker.next(FRAME, f, f / 30.0));
		}
		for (int f = 0; f < frames; f++) {
			List<TrackedFace> faces = out.get(f);
			// Faces 1 and 2 (numbered left to right in the first frame) are followed on every frame.
			assertEquals(1, faces.get(0).faceId());
			assertEquals(2, faces.get(1).faceId());
			assertEquals(150 + 3 * f, centre(faces.get(0)).x, 1e-6, "face 1 on frame " + f);
			assertEquals(600 - 2 * f, centre(faces.get(1)).x, 1e-6, "face 2 on frame " + f);
			assertTrue(faces.get(0).estimate().success() && faces.get(1).estimate().success());
			assertEquals(f, faces.get(0).estimate().frame());
			assertEquals(f / 30.0, faces.get(0).estimate().timeSeconds(), 1e-12);
			boolean third = faces.size() > 2 && faces.get(2).estimate().success();
			if (f >= 33 && f < 70) {
				// The newcomer is found at the next detector run (every 10 frames: frame 40), and keeps id 3.
				assertEquals(f >= 40, third, "face 3 on frame " + f);
				if (third) {
					assertEquals(3, faces.get(2).faceId());
					assertEquals(700, centre(faces.get(2)).x, 1e-6);
				}
			} else {
				assertFalse(third, "no third face on frame " + f);
			}
		}
		// Once gone, face 3's track ends within a few failed frames, and no new identity is ever handed out.
		assertTrue(out.get(77).size() == 2, "faces on frame 77: " + out.get(77).size());
		assertTrue(out.values().stream().flatMap(List::stream).allMatch(t -> t.faceId() <= 3));
		// Detector: frame 0, every 10 frames, and again after the face left (failures ask for it).
		assertTrue(scene.detectorCalls >= 10 && scene.detectorCalls <= 14, "detector ran on " + scene.detectorCalls + " frames");
		assertTrue(Math.abs(out.get(5).get(0).estimate().pose().yaw()) < 1e-6, "frontal synthetic face: zero yaw");
	}

	@Test
	void aFaceLostAndFoundAgainGetsANewIdentityButOthersKeepTheirs() {
		Scene scene = new Scene();
		for (int f = 0; f < 60; f++) {
			List<Point2> c = new ArrayList<>();
			c.add(new Point2(200, 200));
			c.add(f < 20 || f >= 40 ? new Point2(500, 220) : null);
			scene.centres.put(f, c);
		}
		int[] frame = {0};
		FaceTracker tracker = scene.tracker(frame, TrackerSettings.defaults().withDetectEvery(5));
		List<Integer> secondIds = new ArrayList<>();
		for (int f = 0; f < 60; f++) {
			frame[0] = f;
			List<TrackedFace> faces = tracker.next(FRAME, f, f / 25.0);
			assertEquals(1, faces.get(0).faceId(), "frame " + f);
			if (f >= 45) {
				secondIds.add(faces.get(1).faceId());
			}
		}
		// Face 2 ended while away; the returning face is a new track, 3 (identities are never reused).
		assertTrue(secondIds.stream().allMatch(id -> id == 3), secondIds.toString());
	}
}
