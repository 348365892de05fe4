package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;

import java.util.ArrayList;
import java.util.List;

/**
 * Landmarks in two passes: the first pass runs on the given boxes (from the face detector, say); the
 * tight box of the landmarks it finds is the box convention the landmark model was trained with, so the
 * second pass runs on that box and sees the crop it knows. Each result keeps the refined box with the
 * original box's score. A box whose first pass gives points that are not finite numbers (an image of
 * NaN, say) is dropped, and so is one whose first pass has a mean landmark confidence below the minimum
 * (0: none is dropped for its confidence).
 */
public final class TwoPassLandmarks {
	private final LandmarkDetector landmarks;
	private final double minMeanConfidence;

	public TwoPassLandmarks(LandmarkDetector landmarks) {
		this(landmarks, 0);
	}

	/** @param minMeanConfidence boxes whose first pass has a lower mean landmark confidence are dropped; 0 keeps all */
	public TwoPassLandmarks(LandmarkDetector landmarks, double minMeanConfidence) {
		if (!(minMeanConfidence >= 0 && minMeanConfidence < 1)) {
			throw new IllegalArgumentException("The minimum mean landmark confidence must be in [0, 1), got " + minMeanConfidence);
		}
		this.landmarks = landmarks;
		this.minMeanConfidence = minMeanConfidence;
	}

	/** The boxes the first pass's landmarks define, in the order of {@code boxes}, without the dropped ones. */
	public List<FaceBox> refinedBoxes(RgbImage image, List<FaceBox> boxes) {
		List<FaceResult> first = landmarks.detect(image, boxes);
		List<FaceBox> refined = new ArrayList<>(boxes.size());
		for (int i = 0; i < boxes.size(); i++) {
			Landmarks points = first.get(i).landmarks();
			if (!finite(points) || points.meanConfidence() < minMeanConfidence) {
				continue;
			}
			FaceBox tight = FaceBox.enclosing(points.points());
			refined.add(new FaceBox(tight.x, tight.y, tight.width, tight.height, boxes.get(i).score));
		}
		return refined;
	}

	private static boolean finite(Landmarks landmarks) {
		for (Point2 p : landmarks.points()) {
			if (!Double.isFinite(p.x) || !Double.isFinite(p.y)) {
				return false;
			}
		}
		return true;
	}

	/** Faces numbered in the order of {@code boxes} (without the dropped ones), each found on its refined box. */
	public List<FaceResult> detect(RgbImage image, List<FaceBox> boxes) {
		if (boxes.isEmpty()) {
			return new ArrayList<>();
		}
		return landmarks.detect(image, refinedBoxes(image, boxes));
	}
}
