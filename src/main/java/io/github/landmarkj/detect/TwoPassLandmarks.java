package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;

import java.util.ArrayList;
import java.util.List;

/**
 * Landmarks in two passes: the first pass runs on the given boxes (from the face detector, say); the
 * tight box of the landmarks it finds is the box convention the landmark model was trained with, so the
 * second pass runs on that box and sees the crop it knows. Each result keeps the refined box with the
 * original box's score.
 */
public final class TwoPassLandmarks {
	private final LandmarkDetector landmarks;

	public TwoPassLandmarks(LandmarkDetector landmarks) {
		this.landmarks = landmarks;
	}

	/** The boxes the first pass's landmarks define, in the order of {@code boxes}. */
	public List<FaceBox> refinedBoxes(RgbImage image, List<FaceBox> boxes) {
		List<FaceResult> first = landmarks.detect(image, boxes);
		List<FaceBox> refined = new ArrayList<>(boxes.size());
		for (int i = 0; i < boxes.size(); i++) {
			FaceBox tight = FaceBox.enclosing(first.get(i).landmarks.points());
			refined.add(new FaceBox(tight.x, tight.y, tight.width, tight.height, boxes.get(i).score));
		}
		return refined;
	}

	/** Faces numbered in the order of {@code boxes}, each found on its refined box. */
	public List<FaceResult> detect(RgbImage image, List<FaceBox> boxes) {
		if (boxes.isEmpty()) {
			return new ArrayList<>();
		}
		return landmarks.detect(image, refinedBoxes(image, boxes));
	}
}
