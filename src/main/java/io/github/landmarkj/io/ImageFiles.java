package io.github.landmarkj.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.github.landmarkj.core.ImageMemory;
import io.github.landmarkj.core.RejectedInputException;
import io.github.landmarkj.core.RgbImage;

/** Reads images into {@link RgbImage} and writes PNGs, with javax.imageio. */
public final class ImageFiles {
	private ImageFiles() {
	}

	/**
	 * Reads the first image of {@code file}. Grey images are replicated into three channels; grey images
	 * deeper than 8 bits are scaled so that their maximum becomes 255; alpha is dropped.
	 */
	public static RgbImage read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IOException("Cannot read image " + file + ": no such file");
		}
		BufferedImage image;
		try {
			image = decode(file);
		} catch (DamagedImageException e) {
			throw new IOException("Cannot read image " + file + ": " + e.getMessage(), e);
		} catch (RejectedInputException e) {
			throw new IOException(e.getMessage(), e);
		} catch (IOException | RuntimeException e) {
			// Decoders throw all sorts of runtime exceptions on damaged files; the user needs one message.
			throw new IOException("Cannot read image " + file + ": not an image or unsupported format ("
					+ e.getMessage() + ")", e);
		}
		if (image == null) {
			throw new IOException("Cannot read image " + file + ": not an image or unsupported format");
		}
		return toRgbImage(image);
	}

	private static BufferedImage decode(Path file) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) {
				return null;
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			List<String> warnings = new ArrayList<>();
			reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
			try {
				reader.setInput(in, true, true);
				// From the header, before the pixels are decoded.
				ImageMemory.require("Image " + file, reader.getWidth(0), reader.getHeight(0), ImageMemory.FILE_READ_BYTES_PER_PIXEL);
				BufferedImage image = reader.read(0);
				// A truncated JPEG decodes with only a warning and a grey lower part; landmarks found on
				// such an image would be silently wrong, so it counts as unreadable. Other warnings (stray
				// bytes between markers, common from some cameras) leave the picture intact.
				for (String w : warnings) {
					String lower = w.toLowerCase(Locale.ROOT);
					if (lower.contains("truncated") || lower.contains("premature end")) {
						throw new DamagedImageException("the file is truncated or damaged (" + w + ")");
					}
				}
				return image;
			} finally {
				reader.dispose();
			}
		}
	}

	/** A file that decodes, but only partly. */
	private static final class DamagedImageException extends IOException {
		private static final long serialVersionUID = 1L;

		DamagedImageException(String message) {
			super(message);
		}
	}

	/** Converts a decoded image; see {@link #read(Path)} for how grey and deep images are mapped. */
	public static RgbImage toRgbImage(BufferedImage image) {
		int w = image.getWidth(), h = image.getHeight();
		Raster raster = image.getRaster();
		boolean grey = !(image.getColorModel() instanceof IndexColorModel)
				&& image.getColorModel().getNumColorComponents() == 1;
		if (grey) {
			// Read grey samples directly: getRGB would pass them through a linear-to-sRGB conversion and
			// brighten 8-bit grey images.
			float[] v = raster.getSamples(0, 0, w, h, 0, new float[w * h]);
			int bits = image.getColorModel().getComponentSize(0);
			boolean deep = bits > 8 || raster.getTransferType() == DataBuffer.TYPE_FLOAT
					|| raster.getTransferType() == DataBuffer.TYPE_DOUBLE;
			if (deep) {
				scaleToByteRange(v);
			}
			return RgbImage.fromGrey(w, h, v);
		}
		RgbImage direct = SrgbRasters.toRgbImageOrNull(image);
		return direct != null ? direct : RgbImage.fromPackedRgb(w, h, image.getRGB(0, 0, w, h, null, 0, w));
	}

	/**
	 * Scales so that the largest finite value becomes 255. Values that are not numbers (NaN, the usual
	 * "no data" of float images, and infinities) take no part in the range and stay NaN, so that a face
	 * that would read them is refused rather than analysed on a shifted range.
	 */
	private static void scaleToByteRange(float[] v) {
		float max = 0;
		for (float x : v) {
			if (Float.isFinite(x)) {
				max = Math.max(max, x);
			}
		}
		float s = max > 0 ? 255f / max : 0f;
		for (int i = 0; i < v.length; i++) {
			v[i] = Float.isFinite(v[i]) ? Math.max(0f, v[i] * s) : Float.NaN;
		}
	}

	/** An 8-bit RGB image with values rounded and clamped to 0..255. */
	public static BufferedImage toBufferedImage(RgbImage image) {
		int w = image.width(), h = image.height();
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		out.setRGB(0, 0, w, h, image.toPackedRgb(), 0, w);
		return out;
	}

	/** Writes a PNG; keeps an existing file, and throws, unless {@code overwrite}. */
	public static void writePng(RgbImage image, Path file, boolean overwrite) throws IOException {
		writePng(toBufferedImage(image), file, overwrite);
	}

	/** Writes a PNG; keeps an existing file, and throws, unless {@code overwrite}. */
	public static void writePng(BufferedImage image, Path file, boolean overwrite) throws IOException {
		OutputFiles.write(file, overwrite, out -> {
			if (!ImageIO.write(image, "png", out)) {
				throw new IOException("Cannot write " + file + ": no PNG writer for this kind of image");
			}
		});
	}
}
