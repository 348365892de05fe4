package io.github.landmarkj.video;

/** One face in one frame: its track's identity ({@code face_id}, from 1) and what was estimated. Immutable. */
public record TrackedFace(int faceId, FrameEstimate estimate) {
}
