package io.github.landmarkj.core;

import java.util.Locale;

/**
 * The memory an image will take, checked before it is decoded or converted, so that a huge image (a
 * 40000 x 40000 scan, a plane of a giant stack) gets a message naming its size and the memory Java has,
 * not an OutOfMemoryError deep in the pipeline. LandmarkJ holds an image as three float channels
 * ({@link RgbImage}, 12 bytes a pixel, in one Java array).
 */
public final class ImageMemory {
	/** Bytes a pixel of an {@link RgbImage}: three floats. */
	public static final long RGB_IMAGE_BYTES_PER_PIXEL = 12;
	/**
	 * Bytes a pixel while a file is read: the decoded picture (at most 8: 16-bit RGBA) and its
	 * {@link RgbImage}.
	 */
	public static final long FILE_READ_BYTES_PER_PIXEL = 8 + RGB_IMAGE_BYTES_PER_PIXEL;
	/** The most pixels one {@link RgbImage} holds: three floats each in one Java array. */
	public static final long MAX_PIXELS = (Integer.MAX_VALUE - 8) / 3;

	private ImageMemory() {
	}

	/**
	 * Refuses an image of {@code width} x {@code height} pixels needing {@code bytesPerPixel} when it is
	 * larger than LandmarkJ can hold or than the memory Java has left (after one garbage collection).
	 *
	 * @param what the image, as the message should name it ("Image /data/scan.tif", "Plane 3 of stack.tif")
	 * @throws RejectedInputException naming the size, the memory needed and the memory available
	 */
	public static void require(String what, long width, long height, long bytesPerPixel) {
		Runtime rt = Runtime.getRuntime();
		long needed = width * height * bytesPerPixel;
		if (width * height <= MAX_PIXELS && needed <= available(rt)) {
			return;
		}
		if (width * height <= MAX_PIXELS) {
			System.gc(); // garbage counts as used until collected: one collection before refusing
		}
		require(what, width, height, bytesPerPixel, available(rt), rt.maxMemory());
	}

	/** {@link #require(String, long, long, long)} with the memory given: for tests, without allocating anything. */
	static void require(String what, long width, long height, long bytesPerPixel, long available, long max) {
		long pixels = width * height;
		long needed = pixels * bytesPerPixel;
		if (pixels > MAX_PIXELS) {
			throw new RejectedInputException(String.format(Locale.ROOT, "%s is %d x %d pixels (%.0f million), more than the %.0f million "
					+ "LandmarkJ holds in one image; it would need about %s of memory, and Java has %s available (at most %s). Scale it "
					+ "down or crop the region with the faces first", what, width, height, pixels / 1e6, MAX_PIXELS / 1e6, size(needed),
					size(available), size(max)));
		}
		if (needed > available) {
			throw new RejectedInputException(String.format(Locale.ROOT, "%s is %d x %d pixels: analysing it needs about %s of memory and "
					+ "Java has %s available (at most %s). Give Java more memory (Fiji: Edit > Options > Memory & Threads; command "
					+ "line: java -Xmx16g ...), or scale the image down or crop it first", what, width, height, size(needed), size(available),
					size(max)));
		}
	}

	private static long available(Runtime rt) {
		return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
	}

	private static String size(long bytes) {
		return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
				: String.format(Locale.ROOT, "%d MB", bytes >> 20);
	}
}
