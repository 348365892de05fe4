package io.github.landmarkj.io;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;

import io.github.landmarkj.core.RgbImage;

/**
 * Colour images read straight from their raster, a row at a time, where {@link BufferedImage#getRGB} would
 * return the stored samples unchanged: 8-bit sRGB colour with or without alpha, not premultiplied, as
 * interleaved bytes (what the JPEG and PNG readers give) or packed ints. {@code getRGB} converts each pixel
 * through the colour model on its own, which took three to four times as long as decoding a 12-megapixel JPEG.
 * The values are the same to the bit ({@code SrgbRastersTest}).
 */
final class SrgbRasters {
	private SrgbRasters() {
	}

	/** The image as planar RGB, alpha dropped; null when its pixels need the colour model's conversion. */
	static RgbImage toRgbImageOrNull(BufferedImage image) {
		ColorModel cm = image.getColorModel();
		if (cm.isAlphaPremultiplied() || !cm.getColorSpace().isCS_sRGB() || cm.getNumColorComponents() != 3) {
			return null;
		}
		for (int c = 0; c < cm.getNumComponents(); c++) {
			if (cm.getComponentSize(c) != 8) {
				return null;
			}
		}
		Raster raster = image.getRaster();
		if (cm instanceof ComponentColorModel && raster.getTransferType() == DataBuffer.TYPE_BYTE) {
			return fromBytes(raster);
		}
		if (cm instanceof DirectColorModel && raster.getTransferType() == DataBuffer.TYPE_INT) {
			DirectColorModel dcm = (DirectColorModel) cm;
			return fromInts(raster, dcm.getRedMask(), dcm.getGreenMask(), dcm.getBlueMask());
		}
		return null;
	}

	/** Interleaved samples, red, green, blue (and alpha) in band order, as the colour model's components. */
	private static RgbImage fromBytes(Raster raster) {
		int w = raster.getWidth(), h = raster.getHeight(), n = w * h, bands = raster.getNumDataElements();
		float[] p = new float[3 * n];
		byte[] row = null;
		for (int y = 0; y < h; y++) {
			row = (byte[]) raster.getDataElements(0, y, w, 1, row);
			int i = y * w;
			for (int x = 0, s = 0; x < w; x++, s += bands, i++) {
				p[i] = row[s] & 0xff;
				p[n + i] = row[s + 1] & 0xff;
				p[2 * n + i] = row[s + 2] & 0xff;
			}
		}
		return RgbImage.wrap(w, h, p);
	}

	/** One int a pixel, each colour an 8-bit field of it. */
	private static RgbImage fromInts(Raster raster, int redMask, int greenMask, int blueMask) {
		int w = raster.getWidth(), h = raster.getHeight(), n = w * h;
		int rs = Integer.numberOfTrailingZeros(redMask), gs = Integer.numberOfTrailingZeros(greenMask);
		int bs = Integer.numberOfTrailingZeros(blueMask);
		float[] p = new float[3 * n];
		int[] row = null;
		for (int y = 0; y < h; y++) {
			row = (int[]) raster.getDataElements(0, y, w, 1, row);
			int i = y * w;
			for (int x = 0; x < w; x++, i++) {
				int v = row[x];
				p[i] = (v & redMask) >>> rs;
				p[n + i] = (v & greenMask) >>> gs;
				p[2 * n + i] = (v & blueMask) >>> bs;
			}
		}
		return RgbImage.wrap(w, h, p);
	}
}
