package io.github.landmarkj.imglib2;

import io.github.landmarkj.core.RgbImage;

/**
 * An ImgLib2 image as the network's input: the {@link RgbImage} (pixel (0, 0) is the image's min
 * corner), where that corner lies in the image's own coordinates, and how many pixels were not finite
 * numbers (NaN, ±Inf). Immutable.
 */
public final class AdaptedImage {
	public final RgbImage rgb;
	/** The image's min corner: ImgLib2 coordinates of pixel (0, 0) of {@link #rgb}. */
	public final long minX;
	public final long minY;
	/** Pixels (per channel) that were NaN or infinite; they became 0 (see {@link ImgLib2Adapter}). */
	public final long nonFinitePixels;

	AdaptedImage(RgbImage rgb, long minX, long minY, long nonFinitePixels) {
		this.rgb = rgb;
		this.minX = minX;
		this.minY = minY;
		this.nonFinitePixels = nonFinitePixels;
	}
}
