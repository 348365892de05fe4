package io.github.landmarkj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.github.landmarkj.core.RgbImage;

/** The direct read of 8-bit sRGB rasters gives what getRGB gives, to the bit, and is taken where it should be. */
class SrgbRastersTest {
	private static final int[] DIRECT = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
			BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR};
	private static final int[] CONVERTED = {BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_4BYTE_ABGR_PRE,
			BufferedImage.TYPE_USHORT_565_RGB, BufferedImage.TYPE_USHORT_555_RGB, BufferedImage.TYPE_BYTE_INDEXED};

	/** What the conversion through the colour model gives: the reference. */
	private static float[] viaGetRgb(BufferedImage image) {
		int w = image.getWidth(), h = image.getHeight();
		return RgbImage.fromPackedRgb(w, h, image.getRGB(0, 0, w, h, null, 0, w)).toPlanarArray();
	}

	private static BufferedImage random(int type, int w, int h, long seed) {
		BufferedImage image = new BufferedImage(w, h, type);
		Random rng = new Random(seed);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				image.setRGB(x, y, rng.nextInt());
			}
		}
		return image;
	}

	@Test
	void eightBitSrgbImagesAreReadDirectlyWithGetRgbsValues() {
		for (int type : DIRECT) {
			BufferedImage image = random(type, 37, 23, type);
			RgbImage direct = SrgbRasters.toRgbImageOrNull(image);
			assertNotNull(direct, "type " + type + " is read directly");
			assertArrayEquals(viaGetRgb(image), direct.toPlanarArray(), "type " + type);
			// A part of an image shares its parent's pixels, with an offset into them.
			BufferedImage part = image.getSubimage(5, 3, 20, 17);
			assertArrayEquals(viaGetRgb(part), SrgbRasters.toRgbImageOrNull(part).toPlanarArray(), "part of type " + type);
		}
	}

	@Test
	void imagesThatNeedTheColourModelAreLeftToIt() {
		for (int type : CONVERTED) {
			BufferedImage image = random(type, 19, 11, type);
			assertNull(SrgbRasters.toRgbImageOrNull(image), "type " + type);
			assertArrayEquals(viaGetRgb(image), ImageFiles.toRgbImage(image).toPlanarArray(), "type " + type);
		}
		// Linear RGB samples are not sRGB values: getRGB converts them.
		ComponentColorModel linear = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB), false, false,
				Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
		WritableRaster raster = linear.createCompatibleWritableRaster(8, 6);
		Random rng = new Random(5);
		for (int i = 0; i < 8 * 6 * 3; i++) {
			raster.getDataBuffer().setElem(i, rng.nextInt(256));
		}
		BufferedImage image = new BufferedImage(linear, raster, false, null);
		assertNull(SrgbRasters.toRgbImageOrNull(image));
		assertArrayEquals(viaGetRgb(image), ImageFiles.toRgbImage(image).toPlanarArray());
	}

	/** Real files as the readers decode them: the demo photo (PNG) and AFW photos (JPEG). */
	@Test
	void decodedPhotosGiveGetRgbsValues() throws IOException {
		List<Path> files;
		try (Stream<Path> afw = Files.list(TestData.path("detection/afw-photos"))) {
			files = afw.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(4).collect(Collectors.toList());
		}
		files.add(0, Path.of("samples/astronaut.png"));
		for (Path file : files) {
			BufferedImage image = ImageIO.read(file.toFile());
			assertArrayEquals(viaGetRgb(image), ImageFiles.read(file).toPlanarArray(), file.toString());
		}
	}
}
