package io.github.landmarkj.core;

/**
 * An RGB image as three float planes with values 0..255, row-major. Grey images are stored with three
 * equal planes. The arrays are owned by this object: nothing outside changes them.
 */
public final class RgbImage {
	private final int width;
	private final int height;
	private final float[] pixels; // [c][y][x], c = R, G, B

	private RgbImage(int width, int height, float[] pixels) {
		this.width = width;
		this.height = height;
		this.pixels = pixels;
	}

	/** Takes ownership of {@code planarRgb} (length 3 * width * height, R plane first). */
	public static RgbImage wrap(int width, int height, float[] planarRgb) {
		if (width <= 0 || height <= 0) {
			throw new IllegalArgumentException("Image size must be positive, got " + width + " x " + height);
		}
		if (planarRgb.length != 3 * width * height) {
			throw new IllegalArgumentException("Expected " + 3 * width * height + " values, got " + planarRgb.length);
		}
		return new RgbImage(width, height, planarRgb);
	}

	/** From packed 0xRRGGBB ints, row-major. */
	public static RgbImage fromPackedRgb(int width, int height, int[] rgb) {
		int n = width * height;
		float[] p = new float[3 * n];
		for (int i = 0; i < n; i++) {
			int v = rgb[i];
			p[i] = (v >> 16) & 0xff;
			p[n + i] = (v >> 8) & 0xff;
			p[2 * n + i] = v & 0xff;
		}
		return wrap(width, height, p);
	}

	/** A grey image replicated into three channels. */
	public static RgbImage fromGrey(int width, int height, float[] grey) {
		int n = width * height;
		if (grey.length != n) {
			throw new IllegalArgumentException("Expected " + n + " values, got " + grey.length);
		}
		float[] p = new float[3 * n];
		System.arraycopy(grey, 0, p, 0, n);
		System.arraycopy(grey, 0, p, n, n);
		System.arraycopy(grey, 0, p, 2 * n, n);
		return wrap(width, height, p);
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public float get(int channel, int x, int y) {
		return pixels[(channel * height + y) * width + x];
	}

	/**
	 * The image shrunk by an integer factor by averaging k x k blocks (edge blocks may be partial).
	 * Pixel (i, j) of the result sits at (k i + (k-1)/2, k j + (k-1)/2) in this image.
	 */
	public RgbImage downsample(int k) {
		return downsample(k, 0, 0, (width + k - 1) / k, (height + k - 1) / k);
	}

	/** Blocks {@code bx0 .. bx0 + w - 1} by {@code by0 .. by0 + h - 1} of {@link #downsample(int)}. */
	private RgbImage downsample(int k, int bx0, int by0, int w, int h) {
		float[] out = new float[3 * w * h];
		for (int c = 0; c < 3; c++) {
			for (int j = 0; j < h; j++) {
				int yStart = (by0 + j) * k, yEnd = Math.min(height, yStart + k);
				for (int i = 0; i < w; i++) {
					int xStart = (bx0 + i) * k, xEnd = Math.min(width, xStart + k);
					float sum = 0;
					for (int y = yStart; y < yEnd; y++) {
						int row = (c * height + y) * width;
						for (int x = xStart; x < xEnd; x++) {
							sum += pixels[row + x];
						}
					}
					out[(c * h + j) * w + i] = sum / ((yEnd - yStart) * (xEnd - xStart));
				}
			}
		}
		return new RgbImage(w, h, out);
	}

	private static int clamp(int v, int lo, int hi) {
		return Math.max(lo, Math.min(hi, v));
	}

	private static double min(double[] v) {
		return Math.min(Math.min(v[0], v[1]), Math.min(v[2], v[3]));
	}

	private static double max(double[] v) {
		return Math.max(Math.max(v[0], v[1]), Math.max(v[2], v[3]));
	}

	/** Bilinear sample of channel {@code c} at (x, y), clamped to the image's edge. */
	public float sample(int c, double x, double y) {
		x = Math.max(0, Math.min(width - 1, x));
		y = Math.max(0, Math.min(height - 1, y));
		int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		int x1 = Math.min(x0 + 1, width - 1), y1 = Math.min(y0 + 1, height - 1);
		float fx = (float) (x - x0), fy = (float) (y - y0);
		int base = c * width * height;
		float v00 = pixels[base + y0 * width + x0], v01 = pixels[base + y0 * width + x1];
		float v10 = pixels[base + y1 * width + x0], v11 = pixels[base + y1 * width + x1];
		float top = v00 + (v01 - v00) * fx, bottom = v10 + (v11 - v10) * fx;
		return top + (bottom - top) * fy;
	}

	/** How many values (over the three planes) are NaN or infinite; float images use NaN for "no data". */
	public int nonFiniteCount() {
		int n = 0;
		for (float v : pixels) {
			if (!Float.isFinite(v)) {
				n++;
			}
		}
		return n;
	}

	/** This image with every non-finite value replaced by {@code value}; this image itself when there are none. */
	public RgbImage withNonFiniteReplaced(float value) {
		if (nonFiniteCount() == 0) {
			return this;
		}
		float[] out = pixels.clone();
		for (int i = 0; i < out.length; i++) {
			if (!Float.isFinite(out[i])) {
				out[i] = value;
			}
		}
		return new RgbImage(width, height, out);
	}

	/** A copy of the planar pixels. */
	public float[] toPlanarArray() {
		return pixels.clone();
	}

	/** Packed 0xRRGGBB ints, values rounded and clamped to 0..255. */
	public int[] toPackedRgb() {
		int n = width * height;
		int[] out = new int[n];
		for (int i = 0; i < n; i++) {
			int r = clamp(pixels[i]), g = clamp(pixels[n + i]), b = clamp(pixels[2 * n + i]);
			out[i] = (r << 16) | (g << 8) | b;
		}
		return out;
	}

	private static int clamp(float v) {
		return Math.max(0, Math.min(255, Math.round(v)));
	}

	/**
	 * Resamples this image through {@code imageToOutput} into an output of the given size, with
	 * bilinear interpolation; pixels that fall outside take the border value (edge replication), so that
	 * crops near the image border do not show a hard black frame the network never saw in training.
	 */
	public RgbImage warp(SimilarityTransform imageToOutput, int outWidth, int outHeight) {
		// Shrinking by more than 2 with bilinear sampling alone aliases; average k x k blocks first.
		int k = (int) Math.floor(1 / imageToOutput.scale());
		SimilarityTransform inv = imageToOutput.inverse();
		if (k >= 2 && width / k >= 2 && height / k >= 2) {
			// Only the blocks the output can reach are averaged (a face is a small part of a photo), with two
			// blocks to spare so that every bilinear read, and every clamp at the image's edge, is the same as
			// on the whole downsampled image.
			double[] xs = {inv.applyX(0, 0), inv.applyX(outWidth - 1, 0), inv.applyX(0, outHeight - 1), inv.applyX(outWidth - 1, outHeight - 1)};
			double[] ys = {inv.applyY(0, 0), inv.applyY(outWidth - 1, 0), inv.applyY(0, outHeight - 1), inv.applyY(outWidth - 1, outHeight - 1)};
			int blocksX = (width + k - 1) / k, blocksY = (height + k - 1) / k;
			int bx0 = clamp((int) Math.floor(min(xs) / k) - 2, 0, blocksX - 1);
			int by0 = clamp((int) Math.floor(min(ys) / k) - 2, 0, blocksY - 1);
			int bx1 = clamp((int) Math.floor(max(xs) / k) + 2, bx0, blocksX - 1);
			int by1 = clamp((int) Math.floor(max(ys) / k) + 2, by0, blocksY - 1);
			RgbImage blocks = downsample(k, bx0, by0, bx1 - bx0 + 1, by1 - by0 + 1);
			return blocks.warp(imageToOutput.compose(SimilarityTransform.of(k, 0, k * bx0 + (k - 1) / 2.0, k * by0 + (k - 1) / 2.0)),
					outWidth, outHeight);
		}
		int n = outWidth * outHeight;
		float[] out = new float[3 * n];
		int plane = width * height;
		for (int oy = 0; oy < outHeight; oy++) {
			for (int ox = 0; ox < outWidth; ox++) {
				double sx = inv.applyX(ox, oy);
				double sy = inv.applyY(ox, oy);
				sx = Math.max(0, Math.min(width - 1, sx));
				sy = Math.max(0, Math.min(height - 1, sy));
				int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
				int x1 = Math.min(x0 + 1, width - 1), y1 = Math.min(y0 + 1, height - 1);
				float fx = (float) (sx - x0), fy = (float) (sy - y0);
				int o = oy * outWidth + ox;
				for (int c = 0; c < 3; c++) {
					int base = c * plane;
					float v00 = pixels[base + y0 * width + x0], v01 = pixels[base + y0 * width + x1];
					float v10 = pixels[base + y1 * width + x0], v11 = pixels[base + y1 * width + x1];
					float top = v00 + (v01 - v00) * fx, bottom = v10 + (v11 - v10) * fx;
					out[c * n + o] = top + (bottom - top) * fy;
				}
			}
		}
		return new RgbImage(outWidth, outHeight, out);
	}
}
