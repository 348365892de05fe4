package io.github.landmarkj.video;

import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.Landmarks;

/**
 * What is known about one face in one frame of a track: the frame's index (0-based) and time, the 68
 * points with their confidences and occluded flags (image pixels, 0-based), the face's confidence, whether
 * the landmarks are trusted ({@code success}), and the head pose. Immutable.
 *
 * @param confidence mean landmark confidence in [0,1]
 * @param success false when the landmarks are not trusted (confidence below the tracker's threshold)
 */
public record FrameEstimate(int frame, double timeSeconds, Landmarks landmarks, double confidence, boolean success, HeadPose pose) {

	/** The same estimate with other landmarks and pose (what a smoother returns). */
	public FrameEstimate withLandmarks(Landmarks moved, HeadPose newPose) {
		return new FrameEstimate(frame, timeSeconds, moved, confidence, success, newPose);
	}
}
