package io.github.landmarkj.video;

/** One face in one frame: its track's identity ({@code face_id}, from 1) and what was estimated. Immutable. */
public final class TrackedFace {
	public final int faceId;
	public final FrameEstimate estimate;

	public TrackedFace(int faceId, FrameEstimate estimate) {
		this.faceId = faceId;
		this.estimate = estimate;
	}
}
