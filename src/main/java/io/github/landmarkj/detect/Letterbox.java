package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;

/**
 * How an image of any size becomes the detector's input: scaled (aspect kept) so that its long side is
 * {@code longSide} pixels, placed at the top-left of an input whose sides are rounded up to a multiple of
 * {@code multiple}, the rest filled with mid grey. Pixel centres sit at integer coordinates in both.
 */
public final class Letterbox {
	/** The grey of the padding: what a normalised input of zero roughly looks like. */
	static final float PAD_VALUE = 124f;

	public final int imageWidth;
	public final int imageHeight;
	public final int inputWidth;
	public final int inputHeight;
	public final double scale;

	public Letterbox(int imageWidth, int imageHeight, int longSide, int multiple) {
		if (imageWidth <= 0 || imageHeight <= 0) {
			throw new IllegalArgumentException("Image size must be positive, got " + imageWidth + " x " + imageHeight);
		}
		if (longSide <= 0 || multiple <= 0 || longSide % multiple != 0) {
			throw new IllegalArgumentException("The input's long side " + longSide + " must be a positive multiple of " + multiple);
		}
		this.imageWidth = imageWidth;
		this.imageHeight = imageHeight;
		this.scale = longSide / (double) Math.max(imageWidth, imageHeight);
		this.inputWidth = roundUp(imageWidth * scale, multiple);
		this.inputHeight = roundUp(imageHeight * scale, multiple);
	}

	private static int roundUp(double v, int multiple) {
		int n = (int) Math.ceil(v - 1e-9);
		return Math.max(multiple, (n + multiple - 1) / multiple * multiple);
	}

	/** Image to input pixels; pixel areas map onto pixel areas, so centres move by (scale - 1) / 2. */
	public SimilarityTransform imageToInput() {
		double t = 0.5 * scale - 0.5;
		return SimilarityTransform.of(scale, 0, t, t);
	}

	/** A box in input pixels as a box in image pixels (score kept). */
	public FaceBox toImage(FaceBox inInput) {
		return new FaceBox((inInput.x + 0.5) / scale - 0.5, (inInput.y + 0.5) / scale - 0.5, inInput.width / scale,
				inInput.height / scale, inInput.score);
	}

	/** A box in image pixels as a box in input pixels (score kept). */
	public FaceBox toInput(FaceBox inImage) {
		return new FaceBox((inImage.x + 0.5) * scale - 0.5, (inImage.y + 0.5) * scale - 0.5, inImage.width * scale,
				inImage.height * scale, inImage.score);
	}

	/** The input's planar RGB pixels (0..255): the resampled image and grey padding. */
	public float[] apply(RgbImage image) {
		if (image.width() != imageWidth || image.height() != imageHeight) {
			throw new IllegalArgumentException("This letterbox is for " + imageWidth + " x " + imageHeight + " images, got "
					+ image.width() + " x " + image.height());
		}
		int w = Math.min(inputWidth, (int) Math.ceil(imageWidth * scale - 1e-9));
		int h = Math.min(inputHeight, (int) Math.ceil(imageHeight * scale - 1e-9));
		float[] content = image.warp(imageToInput(), w, h).toPlanarArray();
		int n = inputWidth * inputHeight;
		float[] out = new float[3 * n];
		java.util.Arrays.fill(out, PAD_VALUE);
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < h; y++) {
				System.arraycopy(content, (c * h + y) * w, out, c * n + y * inputWidth, w);
			}
		}
		return out;
	}
}
