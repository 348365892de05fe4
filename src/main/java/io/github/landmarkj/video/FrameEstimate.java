package io.github.landmarkj.video;

import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.Landmarks;

/**
 * What is known about one face in one frame of a track: the frame's index (0-based) and time, the 68
 * points with their confidences and occluded flags (image pixels, 0-based), the face's confidence, whether
 * the landmarks are trusted ({@code success}), and the head pose. Immutable.
 */
public final class FrameEstimate {
	public final int frame;
	public final double timeSeconds;
	public final Landmarks landmarks;
	/** Mean landmark confidence in [0,1]. */
	public final double confidence;
	/** False when the landmarks are not trusted (confidence below the tracker's threshold). */
	public final boolean success;
	public final HeadPose pose;

	public FrameEstimate(int frame, double timeSeconds, Landmarks landmarks, double confidence, boolean success, HeadPose pose) {
		this.frame = frame;
		this.timeSeconds = timeSeconds;
		this.landmarks = landmarks;
		this.confidence = confidence;
		this.success = success;
		this.pose = pose;
	}

	/** The same estimate with other landmarks and pose (what a smoother returns). */
	public FrameEstimate withLandmarks(Landmarks moved, HeadPose newPose) {
		return new FrameEstimate(frame, timeSeconds, moved, confidence, success, newPose);
	}
}
