package io.github.landmarkj.script;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** The demo photo as ImgLib2 images, read with plain ImageIO (not through LandmarkJ's own readers). */
final class DemoImgs {
	static final Path PHOTO = Path.of("samples/astronaut.png");

	private DemoImgs() {
	}

	/** (X, Y, C) with C = red, green, blue: how Fiji holds an RGB image as a Dataset. */
	static ArrayImg<UnsignedByteType, ByteArray> astronautChannels() throws IOException {
		BufferedImage photo = read();
		int w = photo.getWidth(), h = photo.getHeight(), n = w * h;
		byte[] planar = new byte[3 * n];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int rgb = photo.getRGB(x, y);
				planar[y * w + x] = (byte) (rgb >> 16);
				planar[n + y * w + x] = (byte) (rgb >> 8);
				planar[2 * n + y * w + x] = (byte) rgb;
			}
		}
		return ArrayImgs.unsignedBytes(planar, w, h, 3);
	}

	/** (X, Y) of ARGBType. */
	static ArrayImg<ARGBType, IntArray> astronautArgb() throws IOException {
		BufferedImage photo = read();
		int w = photo.getWidth(), h = photo.getHeight();
		return ArrayImgs.argbs(photo.getRGB(0, 0, w, h, null, 0, w), w, h);
	}

	private static BufferedImage read() throws IOException {
		BufferedImage photo = ImageIO.read(PHOTO.toFile());
		if (photo == null) {
			throw new IOException("Cannot read " + PHOTO);
		}
		return photo;
	}
}
