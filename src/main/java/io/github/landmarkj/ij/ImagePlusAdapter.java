package io.github.landmarkj.ij;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import io.github.landmarkj.core.ImageMemory;
import io.github.landmarkj.core.RgbImage;

/**
 * One plane of an ImagePlus as the network's input, an {@link RgbImage} with values 0..255. RGB planes
 * are taken as they are; grey planes (8-, 16-, 32-bit) are mapped through the display range the user
 * sees, so that what the model gets looks like what is on screen; an inverting LUT is honoured. Values
 * that are not numbers stay NaN (see {@link io.github.landmarkj.engine.LandmarkDetector#analyse}). The
 * input image is only read.
 */
public final class ImagePlusAdapter {
	/** How grey values become 0..255. */
	public enum Scaling {
		/** The image's display range for that channel (what the user sees). */
		DISPLAY_RANGE,
		/** The plane's own minimum and maximum. */
		MIN_MAX
	}

	private ImagePlusAdapter() {
	}

	/** The plane the image currently shows, scaled by its display range. */
	public static RgbImage currentPlane(ImagePlus imp) {
		return plane(imp, imp.getCurrentSlice(), Scaling.DISPLAY_RANGE);
	}

	/** The plane at a 1-based stack index. */
	public static RgbImage plane(ImagePlus imp, int stackIndex, Scaling scaling) {
		if (stackIndex < 1 || stackIndex > imp.getStackSize()) {
			throw new IllegalArgumentException("Plane " + stackIndex + " is outside the image's " + imp.getStackSize() + " planes");
		}
		// Before the plane is fetched (a virtual stack reads it from disk then).
		ImageMemory.require((imp.getStackSize() == 1 ? "Image " : "Plane " + stackIndex + " of ") + imp.getTitle(), imp.getWidth(),
				imp.getHeight(), ImageMemory.RGB_IMAGE_BYTES_PER_PIXEL);
		// getProcessor(n) of a stack wraps the stack's own array; only reads follow.
		ImageProcessor ip = imp.getStackSize() == 1 ? imp.getProcessor() : imp.getStack().getProcessor(stackIndex);
		int w = ip.getWidth(), h = ip.getHeight();
		if (ip instanceof ColorProcessor) {
			return RgbImage.fromPackedRgb(w, h, (int[]) ip.getPixels());
		}
		double[] range = scaling == Scaling.DISPLAY_RANGE ? displayRange(imp, stackIndex) : null;
		if (range == null || !(range[1] > range[0])) {
			range = minMax(ip);
		}
		boolean inverted = imp.isInvertedLut();
		float[] grey = new float[w * h];
		double min = range[0], span = range[1] - range[0];
		for (int i = 0; i < grey.length; i++) {
			float raw = ip.getf(i);
			double v = !Float.isFinite(raw) ? Double.NaN : span > 0 ? (raw - min) * 255.0 / span : 0;
			// NaN ("no data" in 32-bit images) and infinities stay NaN: a face whose crop reads one is refused.
			grey[i] = Double.isFinite(v) ? (float) (inverted ? 255 - clamp255(v) : clamp255(v)) : Float.NaN;
		}
		return RgbImage.fromGrey(w, h, grey);
	}

	private static double clamp255(double v) {
		return Math.max(0, Math.min(255, v));
	}

	private static double[] displayRange(ImagePlus imp, int stackIndex) {
		if (imp instanceof CompositeImage && imp.getNChannels() > 1) {
			int c = imp.convertIndexToPosition(stackIndex)[0];
			LUT lut = ((CompositeImage) imp).getChannelLut(c);
			return new double[] {lut.min, lut.max};
		}
		return new double[] {imp.getDisplayRangeMin(), imp.getDisplayRangeMax()};
	}

	private static double[] minMax(ImageProcessor ip) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		int n = ip.getPixelCount();
		for (int i = 0; i < n; i++) {
			float v = ip.getf(i);
			if (Float.isFinite(v)) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		}
		return min <= max ? new double[] {min, max} : new double[] {0, 0};
	}
}
