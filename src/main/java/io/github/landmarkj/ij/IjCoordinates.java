package io.github.landmarkj.ij;

/**
 * ImageJ places the centre of pixel (i, j) at (i + 0.5, j + 0.5) for sub-pixel ROIs and measurements;
 * LandmarkJ's files and core put it at (i, j). These two conversions are the only place that differs.
 */
public final class IjCoordinates {
	private IjCoordinates() {
	}

	/** LandmarkJ (pixel centre = integer) to ImageJ ROI coordinates. */
	public static double toIj(double v) {
		return v + 0.5;
	}

	/** ImageJ ROI coordinates to LandmarkJ's. */
	public static double fromIj(double v) {
		return v - 0.5;
	}
}
