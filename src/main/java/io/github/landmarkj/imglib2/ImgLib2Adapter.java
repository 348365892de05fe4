package io.github.landmarkj.imglib2;

import io.github.landmarkj.core.ImageMemory;
import io.github.landmarkj.core.RgbImage;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import java.util.Arrays;

/**
 * One 2-D plane of an ImgLib2 image (a Fiji {@code Dataset} or {@code Img} is one) as the network's input,
 * an {@link RgbImage} with values 0..255. The image is only read.
 *
 * <p>Layouts: grey {@code (X, Y)} of any {@link RealType}; RGB as {@code (X, Y)} of {@link ARGBType}
 * (alpha ignored) or as {@code (X, Y, C)} with three channels in the third dimension (how Fiji holds an
 * RGB image as a Dataset). Further dimensions of size 1 are allowed; anything else (a stack, a time
 * series) is refused with a message: take one plane first, e.g. {@code Views.hyperSlice(image, 2, z)}.
 *
 * <p>Grey values become 0..255 through an {@link IntensityRange} when one is given; otherwise integer
 * types of at most 256 values (8-bit) through their whole range (so 8-bit values are kept as they are), and
 * all other types (16-bit, 32-bit, float, double) through the minimum and maximum of the plane's finite
 * values, over all three channels of an RGB image together (colours keep their balance). Values outside
 * the range are clamped.
 *
 * <p>Non-finite values (NaN, ±Inf: "no data" in float images) are left out of the minimum and maximum,
 * become NaN, and are counted in {@link AdaptedImage#nonFinitePixels} so that the caller can say so: the
 * product's rule, as for files and ImagePlus (the face detector sees them as black; a face whose crop reads
 * one is refused). A plane without two distinct finite values becomes all 0 (its non-finite values NaN).
 */
public final class ImgLib2Adapter {
	private ImgLib2Adapter() {
	}

	/** The plane with the automatic intensity range. */
	public static AdaptedImage toRgbImage(RandomAccessibleInterval<?> image) {
		return toRgbImage(image, null);
	}

	/**
	 * @param range null for the automatic range described above
	 * @throws IllegalArgumentException for a layout or pixel type LandmarkJ cannot read, with what to do
	 */
	public static AdaptedImage toRgbImage(RandomAccessibleInterval<?> image, IntensityRange range) {
		if (image == null) {
			throw new IllegalArgumentException("No image given");
		}
		long[] dims = image.dimensionsAsLongArray();
		int channels = channels(dims);
		long w = dims[0], h = dims[1];
		ImageMemory.require("The image", w, h, ImageMemory.RGB_IMAGE_BYTES_PER_PIXEL);
		RandomAccessibleInterval<?> plane = dropSingletons(image);
		Object type = image.getType();
		long minX = image.min(0), minY = image.min(1);
		if (type instanceof ARGBType) {
			if (channels != 1) {
				throw new IllegalArgumentException("An ARGBType image is one RGB plane (X, Y); got dimensions " + Arrays.toString(dims));
			}
			@SuppressWarnings("unchecked")
			RandomAccessibleInterval<ARGBType> argb = (RandomAccessibleInterval<ARGBType>) plane;
			return new AdaptedImage(fromArgb(argb, (int) w, (int) h), minX, minY, 0);
		}
		if (!(type instanceof RealType)) {
			throw new IllegalArgumentException("LandmarkJ reads images of real numbers (RealType: 8-, 16-, 32-bit, float, double) "
					+ "or ARGBType; got " + type.getClass().getSimpleName());
		}
		@SuppressWarnings("unchecked")
		RandomAccessibleInterval<? extends RealType<?>> real = (RandomAccessibleInterval<? extends RealType<?>>) plane;
		return fromReal(real, channels, (int) w, (int) h, range, (RealType<?>) type, minX, minY);
	}

	/** 1 (grey) or 3 (RGB in the third dimension), or a message saying what LandmarkJ reads. */
	private static int channels(long[] dims) {
		if (dims.length < 2) {
			throw new IllegalArgumentException("LandmarkJ needs a 2-D image (X, Y); got " + dims.length + " dimension(s)");
		}
		int channels = dims.length > 2 ? (int) Math.min(dims[2], Integer.MAX_VALUE) : 1;
		boolean extraAreSingletons = true;
		for (int d = 3; d < dims.length; d++) {
			extraAreSingletons &= dims[d] == 1;
		}
		if ((channels != 1 && channels != 3) || !extraAreSingletons) {
			throw new IllegalArgumentException("LandmarkJ reads one 2-D plane: grey (X, Y), or RGB as ARGBType or with 3 channels "
					+ "in the third dimension (X, Y, C); got dimensions " + Arrays.toString(dims)
					+ ". Take one plane first, e.g. Views.hyperSlice(image, 2, z)");
		}
		return channels;
	}

	/** The image without its dimensions of size 1 beyond X, Y (and C). */
	private static RandomAccessibleInterval<?> dropSingletons(RandomAccessibleInterval<?> image) {
		RandomAccessibleInterval<?> view = image;
		for (int d = view.numDimensions() - 1; d >= 2; d--) {
			if (view.dimension(d) == 1) {
				view = Views.hyperSlice(view, d, view.min(d));
			}
		}
		return view;
	}

	private static RgbImage fromArgb(RandomAccessibleInterval<ARGBType> plane, int w, int h) {
		int[] packed = new int[w * h];
		Cursor<ARGBType> c = Views.flatIterable(plane).cursor();
		for (int i = 0; i < packed.length; i++) {
			packed[i] = c.next().get();
		}
		return RgbImage.fromPackedRgb(w, h, packed);
	}

	private static AdaptedImage fromReal(RandomAccessibleInterval<? extends RealType<?>> plane, int channels, int w, int h,
			IntensityRange range, RealType<?> type, long minX, long minY) {
		double[] lowHigh = range != null ? new double[] {range.min, range.max} : automaticRange(type, plane, channels);
		double low = lowHigh[0], span = lowHigh[1] - lowHigh[0];
		int n = w * h;
		float[] out = new float[channels * n];
		long nonFinite = 0;
		for (int c = 0; c < channels; c++) {
			Cursor<? extends RealType<?>> cursor = Views.flatIterable(channel(plane, channels, c)).cursor();
			for (int i = c * n; i < (c + 1) * n; i++) {
				double v = cursor.next().getRealDouble();
				if (!Double.isFinite(v)) {
					nonFinite++;
					out[i] = Float.NaN;
				} else if (span > 0) {
					out[i] = (float) Math.max(0, Math.min(255, (v - low) * 255 / span));
				}
			}
		}
		RgbImage rgb = channels == 1 ? RgbImage.fromGrey(w, h, out) : RgbImage.wrap(w, h, out);
		return new AdaptedImage(rgb, minX, minY, nonFinite);
	}

	private static RandomAccessibleInterval<? extends RealType<?>> channel(RandomAccessibleInterval<? extends RealType<?>> plane,
			int channels, int c) {
		return channels == 1 ? plane : Views.hyperSlice(plane, 2, plane.min(2) + c);
	}

	/** An 8-bit (or smaller) integer type's whole range; else the finite values' minimum and maximum. */
	private static double[] automaticRange(RealType<?> type, RandomAccessibleInterval<? extends RealType<?>> plane, int channels) {
		if (type instanceof IntegerType && type.getMaxValue() - type.getMinValue() <= 255) {
			return new double[] {type.getMinValue(), type.getMaxValue()};
		}
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < channels; c++) {
			for (RealType<?> t : Views.flatIterable(channel(plane, channels, c))) {
				double v = t.getRealDouble();
				if (Double.isFinite(v)) {
					min = Math.min(min, v);
					max = Math.max(max, v);
				}
			}
		}
		return min <= max ? new double[] {min, max} : new double[] {0, 0};
	}
}
