package io.github.landmarkj.video;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.RgbImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Follows faces from frame to frame (see {@link TrackerSettings}): each face is a track with an identity
 * ({@code face_id}, from 1, never reused); a track's next region is the tight box of its last trusted
 * landmarks; the detector's boxes start new tracks where no track is, and re-anchor a failing track they
 * overlap. All regions of a frame go to the landmark network as one batch. Feed the frames in order to
 * {@link #next}. One per video; not thread-safe.
 */
public final class FaceTracker {
	private final FaceLocator locator;
	private final LandmarkEstimator landmarks;
	private final HeadPoseEstimator poses;
	private final TrackerSettings settings;
	private final List<Active> active = new ArrayList<>();
	private int nextId = 1;
	private int lastDetection = Integer.MIN_VALUE / 2;
	private boolean detectionWanted = true;
	private int detections;

	/** @param poses null for no head pose (schemes without a 3-D mean face) */
	public FaceTracker(FaceLocator locator, LandmarkEstimator landmarks, HeadPoseEstimator poses, TrackerSettings settings) {
		this.locator = locator;
		this.landmarks = landmarks;
		this.poses = poses;
		this.settings = settings;
	}

	/** A face being followed. */
	private static final class Active {
		final int id; // 0 until the first trusted landmarks give the new face an identity
		FaceBox region;
		int failures;

		Active(int id, FaceBox region) {
			this.id = id;
			this.region = region;
		}
	}

	/** How many frames the detector has run on so far. */
	public int detections() {
		return detections;
	}

	/** The faces of frame {@code frame} (0-based) at {@code timeSeconds}, by face id. */
	public List<TrackedFace> next(RgbImage image, int frame, double timeSeconds) {
		boolean detect = detectionWanted || frame - lastDetection >= settings.detectEvery();
		List<Active> candidates = new ArrayList<>(active);
		boolean[] seenByDetector = new boolean[active.size()];
		if (detect) {
			lastDetection = frame;
			detectionWanted = false;
			detections++;
			for (FaceBox box : locator.find(image)) {
				int best = -1;
				double bestIou = settings.matchIou();
				for (int k = 0; k < active.size(); k++) {
					double iou = active.get(k).region.iou(box);
					if (iou >= bestIou) {
						best = k;
						bestIou = iou;
					}
				}
				if (best < 0) {
					candidates.add(new Active(0, box));
				} else {
					seenByDetector[best] = true;
					Active a = active.get(best);
					if (a.failures > 0) {
						a.region = box; // the failing track's region drifted: start again from the detector's box
					}
				}
			}
		}
		List<FaceBox> regions = new ArrayList<>(candidates.size());
		for (Active a : candidates) {
			regions.add(a.region);
		}
		List<Landmarks> found = regions.isEmpty() ? new ArrayList<>() : landmarks.estimate(image, regions);
		List<Active> kept = new ArrayList<>();
		List<TrackedFace> out = new ArrayList<>();
		List<Active> keptNew = new ArrayList<>();
		List<FrameEstimate> newEstimates = new ArrayList<>();
		for (int k = 0; k < candidates.size(); k++) {
			Active a = candidates.get(k);
			Landmarks l = found.get(k);
			double confidence = l.meanConfidence();
			// Points that are not numbers (a numerical failure of the network) are a failed frame, never a region.
			boolean success = confidence >= settings.minConfidence() && finite(l);
			boolean existing = k < active.size();
			if (!existing) {
				if (success) {
					a.region = FaceBox.enclosing(l.points());
					keptNew.add(a);
					newEstimates.add(estimate(frame, timeSeconds, l, confidence, true));
				} else {
					detectionWanted = true; // a face the detector saw but the landmarks did not trust: look again next frame
				}
				continue;
			}
			if (success) {
				a.failures = 0;
				a.region = FaceBox.enclosing(l.points());
			} else {
				a.failures++;
				detectionWanted = true;
				boolean gone = a.failures > settings.maxFailedFrames() || (detect && !seenByDetector[k]);
				if (gone) {
					continue;
				}
			}
			kept.add(a);
			out.add(new TrackedFace(a.id, estimate(frame, timeSeconds, l, confidence, success)));
		}
		// New faces get identities in left-to-right order, unless they only duplicate a face already followed.
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < keptNew.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble(i -> keptNew.get(i).region.centerX()));
		for (int i : order) {
			Active a = keptNew.get(i);
			if (overlapsAny(a.region, kept)) {
				continue;
			}
			Active named = new Active(nextId++, a.region);
			kept.add(named);
			out.add(new TrackedFace(named.id, newEstimates.get(i)));
		}
		removeDuplicates(kept, out);
		active.clear();
		active.addAll(kept);
		out.sort(Comparator.comparingInt(t -> t.faceId()));
		return out;
	}

	private static boolean finite(Landmarks l) {
		for (int i = 0; i < l.size(); i++) {
			if (!Double.isFinite(l.point(i).x) || !Double.isFinite(l.point(i).y)) {
				return false;
			}
		}
		return true;
	}

	private boolean overlapsAny(FaceBox box, List<Active> tracks) {
		for (Active t : tracks) {
			if (t.region.iou(box) > settings.duplicateIou()) {
				return true;
			}
		}
		return false;
	}

	/** Two tracks on one face: the newer identity ends; the older takes its landmarks if its own failed. */
	private void removeDuplicates(List<Active> kept, List<TrackedFace> out) {
		for (int i = 0; i < kept.size(); i++) {
			for (int j = 0; j < kept.size(); j++) {
				Active older = kept.get(i), newer = kept.get(j);
				if (older.id >= newer.id || older.region.iou(newer.region) <= settings.duplicateIou()) {
					continue;
				}
				TrackedFace o = find(out, older.id), n = find(out, newer.id);
				if (o != null && n != null && !o.estimate().success() && n.estimate().success()) {
					out.set(out.indexOf(o), new TrackedFace(older.id, n.estimate()));
					older.region = newer.region;
					older.failures = 0;
				}
				out.remove(n);
				kept.remove(j);
				i = -1; // start again: the lists changed
				break;
			}
		}
	}

	private static TrackedFace find(List<TrackedFace> faces, int id) {
		for (TrackedFace f : faces) {
			if (f.faceId() == id) {
				return f;
			}
		}
		return null;
	}

	private FrameEstimate estimate(int frame, double time, Landmarks l, double confidence, boolean success) {
		HeadPose pose = poses == null ? HeadPose.UNKNOWN : poses.estimate(l);
		return new FrameEstimate(frame, time, l, confidence, success, pose);
	}
}
