package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;

/**
 * How an image becomes the detector's input: scaled with its aspect kept, to fit the model's input
 * (320 x 240, or 240 x 320 for portrait images), or larger when faces as small as {@code minFaceSize}
 * image pixels must be found: the scale then brings such a face to {@value #SMALLEST_FACE_AT_INPUT}
 * input pixels (the smallest priors are 10 to 24 px), up to an input long side of {@value #MAX_LONG_SIDE}.
 * Made by {@link #forImage}.
 *
 * @param scale input pixels per image pixel
 */
public record DetectorInput(int imageWidth, int imageHeight, double scale) {
	/** Faces smaller than this at the input are not reliably found. */
	public static final double SMALLEST_FACE_AT_INPUT = 20;
	/** Caps the work (about 16 times the default input's) and memory for huge images. */
	public static final int MAX_LONG_SIDE = 1280;
	/** The mid grey that normalises to about 0, for pixels that are not numbers. */
	static final float NEUTRAL = 127f;

	public int inputWidth() {
		return Math.max(1, (int) Math.round(imageWidth * scale));
	}

	public int inputHeight() {
		return Math.max(1, (int) Math.round(imageHeight * scale));
	}

	/**
	 * @param longSide the model's input long side (320), {@code shortSide} its short side (240)
	 * @param minFaceSize the smallest face (image pixels) to find; 0 for the model's own input size
	 */
	public static DetectorInput forImage(int imageWidth, int imageHeight, int longSide, int shortSide, double minFaceSize) {
		if (imageWidth <= 0 || imageHeight <= 0) {
			throw new IllegalArgumentException("Image size must be positive, got " + imageWidth + " x " + imageHeight);
		}
		if (!(minFaceSize >= 0) || Double.isInfinite(minFaceSize)) {
			throw new IllegalArgumentException("The minimum face size must be 0 (the model's input size) or a number of pixels, got "
					+ minFaceSize);
		}
		int imageLong = Math.max(imageWidth, imageHeight), imageShort = Math.min(imageWidth, imageHeight);
		double scale = Math.min(longSide / (double) imageLong, shortSide / (double) imageShort);
		if (minFaceSize > 0) {
			scale = Math.max(scale, SMALLEST_FACE_AT_INPUT / minFaceSize);
		}
		scale = Math.min(scale, MAX_LONG_SIDE / (double) imageLong);
		return new DetectorInput(imageWidth, imageHeight, scale);
	}

	/** Image to input pixel centres (pixel areas map onto pixel areas). */
	SimilarityTransform imageToInput() {
		double t = 0.5 * scale - 0.5;
		return SimilarityTransform.of(scale, 0, t, t);
	}

	/** The input's planar RGB values 0..255; values that are not finite become mid grey. */
	public float[] pixels(RgbImage image) {
		if (image.width() != imageWidth || image.height() != imageHeight) {
			throw new IllegalArgumentException("This input is for " + imageWidth + " x " + imageHeight + " images, got "
					+ image.width() + " x " + image.height());
		}
		float[] p = image.warp(imageToInput(), inputWidth(), inputHeight()).toPlanarArray();
		for (int i = 0; i < p.length; i++) {
			if (!Float.isFinite(p[i])) {
				p[i] = NEUTRAL;
			}
		}
		return p;
	}

	/** A box in input coordinates (from the input's edge) as a box in image pixels (0-based pixel centres). */
	public FaceBox toImage(FaceBox inInput) {
		return new FaceBox(inInput.x / scale - 0.5, inInput.y / scale - 0.5, inInput.width / scale, inInput.height / scale, inInput.score);
	}
}
