package io.github.landmarkj.core;

import java.util.Locale;

/**
 * Which face boxes can give meaningful landmarks in an image of a given size. A box is refused (never
 * clipped, which would move the face) when
 * <ul>
 * <li>its position or size is not a finite number,</li>
 * <li>its centre lies outside the image (more than half of such a face is missing),</li>
 * <li>its larger side is below {@link #MIN_SIDE} pixels (nothing left to locate 68 points in), or</li>
 * <li>its larger side exceeds {@link #MAX_SIDE_PER_IMAGE_SIDE} times the image's larger side (the crop would
 * show the whole image as a speck).</li>
 * </ul>
 */
public final class FaceBoxLimits {
	/** The smallest face, in pixels of its box's larger side. */
	public static final double MIN_SIDE = 4;
	/** The largest face box, as a multiple of the image's larger side. */
	public static final double MAX_SIDE_PER_IMAGE_SIDE = 2;

	private FaceBoxLimits() {
	}

	/** Why {@code box} cannot be used on a {@code width} x {@code height} image, or null when it can. */
	public static String problem(FaceBox box, int width, int height) {
		if (!Double.isFinite(box.x) || !Double.isFinite(box.y) || !Double.isFinite(box.width) || !Double.isFinite(box.height)) {
			return "its position or size is not a finite number";
		}
		double side = Math.max(box.width, box.height);
		if (side < MIN_SIDE) {
			return String.format(Locale.ROOT, "it is %.3g px wide, smaller than the %.0f px a face needs", side, MIN_SIDE);
		}
		double limit = MAX_SIDE_PER_IMAGE_SIDE * Math.max(width, height);
		if (side > limit) {
			return String.format(Locale.ROOT, "it is %.3g px wide, more than %.0f x the image's %d px", side, MAX_SIDE_PER_IMAGE_SIDE,
					Math.max(width, height));
		}
		double cx = box.centerX(), cy = box.centerY();
		if (cx < 0 || cy < 0 || cx > width || cy > height) {
			return String.format(Locale.ROOT, "its centre (%.1f, %.1f) lies outside the %d x %d image", cx, cy, width, height);
		}
		return null;
	}

	/** Throws a {@link RejectedInputException} naming the face (1-based) when its box cannot be used. */
	public static void check(FaceBox box, int faceNumber, int width, int height) {
		String problem = problem(box, width, height);
		if (problem != null) {
			throw new RejectedInputException(String.format(Locale.ROOT,
					"Face box %d (x=%.4g, y=%.4g, width=%.4g, height=%.4g) was not used: %s. Give a box in pixels of this image "
							+ "(0-based top-left corner, the tight box of the face).",
					faceNumber, box.x, box.y, box.width, box.height, problem));
		}
	}
}
