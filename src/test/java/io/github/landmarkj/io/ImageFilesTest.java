package io.github.landmarkj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.landmarkj.core.RgbImage;

class ImageFilesTest {
	@TempDir
	Path tmp;

	@Test
	void readsAstronaut() throws IOException {
		RgbImage im = ImageFiles.read(TestData.path("samples/astronaut.png"));
		assertEquals(512, im.width());
		assertEquals(512, im.height());
		BufferedImage ref = ImageIO.read(TestData.path("samples/astronaut.png").toFile());
		int rgb = ref.getRGB(100, 200);
		assertEquals((rgb >> 16) & 0xff, im.get(0, 100, 200), 0);
		assertEquals((rgb >> 8) & 0xff, im.get(1, 100, 200), 0);
		assertEquals(rgb & 0xff, im.get(2, 100, 200), 0);
	}

	@Test
	void textFileGivesClearMessage() throws IOException {
		Path f = tmp.resolve("notes.png");
		Files.write(f, "hello, not an image".getBytes(StandardCharsets.UTF_8));
		IOException e = assertThrows(IOException.class, () -> ImageFiles.read(f));
		assertEquals("Cannot read image " + f + ": not an image or unsupported format", e.getMessage());
	}

	@Test
	void missingFileGivesClearMessage() {
		Path f = tmp.resolve("none.jpg");
		IOException e = assertThrows(IOException.class, () -> ImageFiles.read(f));
		assertTrue(e.getMessage().contains("none.jpg") && e.getMessage().contains("no such file"), e.getMessage());
	}

	@Test
	void truncatedJpegGivesIOException() throws IOException {
		byte[] jpeg = Files.readAllBytes(TestData.path("face68/train/lfpw/image_0001.jpg"));
		for (int length : new int[] {200, 3000, jpeg.length / 2}) {
			Path f = tmp.resolve("cut" + length + ".jpg");
			Files.write(f, Arrays.copyOf(jpeg, length));
			IOException e = assertThrows(IOException.class, () -> ImageFiles.read(f), "length " + length);
			assertTrue(e.getMessage().startsWith("Cannot read image " + f), e.getMessage());
		}
		Path half = tmp.resolve("cut" + jpeg.length / 2 + ".jpg");
		IOException e = assertThrows(IOException.class, () -> ImageFiles.read(half));
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
	}

	@Test
	void greyIsReplicatedWithoutGammaChange() throws IOException {
		BufferedImage grey = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
		grey.getRaster().setSample(1, 1, 0, 100);
		Path f = tmp.resolve("grey.png");
		ImageIO.write(grey, "png", f.toFile());
		RgbImage im = ImageFiles.read(f);
		for (int c = 0; c < 3; c++) {
			assertEquals(100f, im.get(c, 1, 1));
			assertEquals(0f, im.get(c, 0, 0));
		}
	}

	@Test
	void sixteenBitGreyIsScaledByMax() throws IOException {
		BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
		WritableRaster r = grey.getRaster();
		r.setSample(0, 0, 0, 1000);
		r.setSample(1, 0, 0, 4000);
		Path f = tmp.resolve("grey16.png");
		ImageIO.write(grey, "png", f.toFile());
		RgbImage im = ImageFiles.read(f);
		assertEquals(255f, im.get(1, 1, 0), 1e-3);
		assertEquals(63.75f, im.get(0, 0, 0), 1e-3);
	}

	@Test
	void pngRoundTripAndNoOverwrite() throws IOException {
		float[] px = new float[3 * 4 * 3];
		for (int i = 0; i < px.length; i++) {
			px[i] = (i * 7) % 256;
		}
		RgbImage im = RgbImage.wrap(4, 3, px);
		Path f = tmp.resolve("out/im.png");
		ImageFiles.writePng(im, f, false);
		RgbImage back = ImageFiles.read(f);
		assertEquals(Arrays.toString(im.toPlanarArray()), Arrays.toString(back.toPlanarArray()));
		assertThrows(FileAlreadyExistsException.class, () -> ImageFiles.writePng(im, f, false));
		ImageFiles.writePng(RgbImage.wrap(1, 1, new float[3]), f, true);
		assertEquals(1, ImageFiles.read(f).width());
	}

	@Test
	void toBufferedImageClampsAndRounds() {
		RgbImage im = RgbImage.wrap(1, 1, new float[] {300f, -5f, 12.6f});
		assertEquals(0xff000d, ImageFiles.toBufferedImage(im).getRGB(0, 0) & 0xffffff);
	}

	@Test
	void notANumberInAFloatImageTakesNoPartInTheRangeAndStaysNotANumber() {
		java.awt.image.ColorModel cm = new java.awt.image.ComponentColorModel(
				java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY), false, false, java.awt.Transparency.OPAQUE,
				java.awt.image.DataBuffer.TYPE_FLOAT);
		WritableRaster r = cm.createCompatibleWritableRaster(4, 1);
		float[] v = {0f, 500f, Float.NaN, Float.POSITIVE_INFINITY};
		for (int x = 0; x < 4; x++) {
			r.setSample(x, 0, 0, v[x]);
		}
		RgbImage rgb = ImageFiles.toRgbImage(new BufferedImage(cm, r, false, null));
		// One infinite pixel used to make the scale 0 (all black); one NaN made every pixel NaN.
		assertEquals(0f, rgb.get(0, 0, 0));
		assertEquals(255f, rgb.get(0, 1, 0));
		assertTrue(Float.isNaN(rgb.get(1, 2, 0)));
		assertTrue(Float.isNaN(rgb.get(2, 3, 0)));
		assertEquals(2 * 3, rgb.nonFiniteCount());
		assertEquals(0f, rgb.withNonFiniteReplaced(0).get(0, 2, 0));
	}

	@Test
	void aHugeImageIsRefusedFromItsHeaderWithItsSizeBeforeItIsDecoded() throws Exception {
		java.nio.file.Path png = FakeImages.hugePngHeader(tmp.resolve("huge.png"));
		java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> ImageFiles.read(png));
		assertTrue(e.getMessage().startsWith("Image " + png + " is 40000 x 40000 pixels (1600 million), more than the 716 million LandmarkJ "
				+ "holds in one image; it would need about 29.8 GB of memory, and Java has "), e.getMessage());
	}
}
