package io.github.landmarkj.core;

/** One face found in an image: its number (0-based, left to right), the region used, its landmarks. */
public final class FaceResult {
	public final int index;
	public final FaceBox box;
	public final Landmarks landmarks;

	public FaceResult(int index, FaceBox box, Landmarks landmarks) {
		this.index = index;
		this.box = box;
		this.landmarks = landmarks;
	}
}
