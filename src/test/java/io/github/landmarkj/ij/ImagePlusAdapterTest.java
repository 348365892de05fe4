package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import io.github.landmarkj.core.RgbImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagePlusAdapterTest {
	@Test
	void eightBitValuesPassUnchangedIntoAllThreeChannels() {
		ByteProcessor bp = new ByteProcessor(4, 3);
		bp.set(2, 1, 200);
		bp.set(0, 0, 7);
		RgbImage rgb = ImagePlusAdapter.currentPlane(new ImagePlus("b", bp));
		for (int c = 0; c < 3; c++) {
			assertEquals(200f, rgb.get(c, 2, 1));
			assertEquals(7f, rgb.get(c, 0, 0));
		}
	}

	@Test
	void sixteenBitUsesTheDisplayRangeAndClamps() {
		ShortProcessor sp = new ShortProcessor(3, 1);
		sp.set(0, 0, 1000);
		sp.set(1, 0, 2000);
		sp.set(2, 0, 5000);
		short[] before = ((short[]) sp.getPixels()).clone();
		ImagePlus imp = new ImagePlus("s", sp);
		imp.setDisplayRange(1000, 3000);
		RgbImage rgb = ImagePlusAdapter.currentPlane(imp);
		assertEquals(0f, rgb.get(0, 0, 0));
		assertEquals(127.5f, rgb.get(1, 1, 0), 1e-3);
		assertEquals(255f, rgb.get(2, 2, 0));
		assertArrayEquals(before, (short[]) sp.getPixels(), "the input is only read");
		assertEquals(1000, imp.getDisplayRangeMin());
	}

	@Test
	void thirtyTwoBitNanAndInfinityStayNotANumberAndTakeNoPartInTheRange() {
		FloatProcessor fp = new FloatProcessor(4, 1, new float[] {-1f, Float.NaN, 3f, Float.POSITIVE_INFINITY});
		RgbImage rgb = ImagePlusAdapter.plane(new ImagePlus("f", fp), 1, ImagePlusAdapter.Scaling.MIN_MAX);
		assertEquals(0f, rgb.get(0, 0, 0));
		assertTrue(Float.isNaN(rgb.get(0, 1, 0)), "NaN is kept so that a face reading it is refused");
		assertEquals(255f, rgb.get(0, 2, 0));
		assertTrue(Float.isNaN(rgb.get(0, 3, 0)));
		assertEquals(2 * 3, rgb.nonFiniteCount());
	}

	@Test
	void rgbChannelsStaySeparate() {
		ColorProcessor cp = new ColorProcessor(2, 1);
		cp.set(1, 0, (10 << 16) | (20 << 8) | 30);
		RgbImage rgb = ImagePlusAdapter.currentPlane(new ImagePlus("c", cp));
		assertEquals(10f, rgb.get(0, 1, 0));
		assertEquals(20f, rgb.get(1, 1, 0));
		assertEquals(30f, rgb.get(2, 1, 0));
	}

	@Test
	void stacksGiveTheAskedPlaneAndTheCurrentOne() {
		ImageStack stack = new ImageStack(2, 2);
		for (int i = 1; i <= 3; i++) {
			ByteProcessor bp = new ByteProcessor(2, 2);
			bp.setColor(10 * i);
			bp.fill();
			stack.addSlice("s" + i, bp);
		}
		ImagePlus imp = new ImagePlus("stack", stack);
		imp.setSlice(3);
		assertEquals(30f, ImagePlusAdapter.currentPlane(imp).get(1, 1, 1));
		assertEquals(20f, ImagePlusAdapter.plane(imp, 2, ImagePlusAdapter.Scaling.DISPLAY_RANGE).get(0, 0, 0));
	}

	@Test
	void invertingLutIsHonoured() {
		ByteProcessor bp = new ByteProcessor(1, 1);
		bp.set(0, 0, 55);
		bp.invertLut();
		assertEquals(200f, ImagePlusAdapter.currentPlane(new ImagePlus("i", bp)).get(0, 0, 0));
	}
}
