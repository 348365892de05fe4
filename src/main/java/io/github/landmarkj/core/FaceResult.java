package io.github.landmarkj.core;

/** One face found in an image: its number (0-based, left to right), the region used, its landmarks. */
public record FaceResult(int index, FaceBox box, Landmarks landmarks) {
}
