package io.github.landmarkj.imglib2;

import io.github.landmarkj.core.RgbImage;

/**
 * An ImgLib2 image as the network's input: the {@link RgbImage} (pixel (0, 0) is the image's min
 * corner), where that corner lies in the image's own coordinates, and how many pixels were not finite
 * numbers (NaN, ±Inf). Immutable.
 *
 * @param minX the image's min corner: ImgLib2 coordinates of pixel (0, 0) of {@link #rgb}.
 * @param nonFinitePixels pixels (per channel) that were NaN or infinite; they became 0 (see {@link ImgLib2Adapter}).
 */
public record AdaptedImage(RgbImage rgb, long minX, long minY, long nonFinitePixels) {
}
