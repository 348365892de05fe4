package io.github.landmarkj.imglib2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.core.RgbImage;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.list.ListImg;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

/** How ImgLib2 images become the network's 0..255 input: layouts, pixel types, ranges, NaN. No libtorch. */
class ImgLib2AdapterTest {
	private static final int W = 3, H = 2;

	/** Channel c of the adapted image, row-major. */
	private static float[] channel(RgbImage image, int c) {
		float[] out = new float[image.width() * image.height()];
		for (int y = 0; y < image.height(); y++) {
			for (int x = 0; x < image.width(); x++) {
				out[y * image.width() + x] = image.get(c, x, y);
			}
		}
		return out;
	}

	private static void assertGrey(float[] expected, RgbImage image) {
		for (int c = 0; c < 3; c++) {
			assertArrayEquals(expected, channel(image, c), 1e-4f, "channel " + c);
		}
	}

	@Test
	void eightBitGreyKeepsItsValuesInRowMajorOrder() {
		// (x, y) -> value: x runs fastest in an ArrayImg, as in the RgbImage.
		AdaptedImage a = ImgLib2Adapter.toRgbImage(ArrayImgs.unsignedBytes(new byte[] {0, 10, 20, 30, (byte) 200, (byte) 255}, W, H));
		assertEquals(W, a.rgb().width());
		assertEquals(H, a.rgb().height());
		assertEquals(10f, a.rgb().get(0, 1, 0));
		assertEquals(30f, a.rgb().get(0, 0, 1));
		assertGrey(new float[] {0, 10, 20, 30, 200, 255}, a.rgb());
		assertEquals(0, a.nonFinitePixels());
	}

	@Test
	void signedEightBitMapsItsWholeRangeOntoZeroTo255() {
		AdaptedImage a = ImgLib2Adapter.toRgbImage(ArrayImgs.bytes(new byte[] {-128, -1, 0, 1, 127, 0}, W, H));
		assertGrey(new float[] {0, 127, 128, 129, 255, 128}, a.rgb());
	}

	@Test
	void sixteenBitMapsItsMinimumAndMaximumOntoZeroTo255() {
		AdaptedImage a = ImgLib2Adapter.toRgbImage(ArrayImgs.unsignedShorts(new short[] {1000, 1255, 1510, 2020, 3040, 1000}, W, H));
		assertGrey(new float[] {0, 31.875f, 63.75f, 127.5f, 255, 0}, a.rgb());
	}

	@Test
	void thirtyTwoBitFloatMapsItsMinimumAndMaximumOntoZeroTo255() {
		AdaptedImage a = ImgLib2Adapter.toRgbImage(ArrayImgs.floats(new float[] {-1, 0, 1, 0.5f, -0.5f, 1}, W, H));
		assertGrey(new float[] {0, 127.5f, 255, 191.25f, 63.75f, 255}, a.rgb());
		AdaptedImage d = ImgLib2Adapter.toRgbImage(ArrayImgs.doubles(new double[] {-1, 0, 1, 0.5, -0.5, 1}, W, H));
		assertGrey(channel(a.rgb(), 0), d.rgb());
	}

	@Test
	void nonFinitePixelsAreLeftOutOfTheRangeStayNotANumberAndAreCounted() {
		float nan = Float.NaN;
		AdaptedImage a = ImgLib2Adapter.toRgbImage(ArrayImgs.floats(new float[] {nan, 100, 200, Float.POSITIVE_INFINITY, 150,
				Float.NEGATIVE_INFINITY}, W, H));
		// Range from the finite values only (100..200): without that rule one Inf would flatten the image. Non-finite
		// values stay NaN, as for files and ImagePlus: the landmark pass refuses a face that reads one.
		assertGrey(new float[] {nan, 0, 255, nan, 127.5f, nan}, a.rgb());
		assertEquals(3, a.nonFinitePixels());
	}

	@Test
	void anImageWithoutTwoDistinctFiniteValuesBecomesBlack() {
		AdaptedImage allNan = ImgLib2Adapter.toRgbImage(ArrayImgs.floats(new float[] {Float.NaN, Float.NaN}, 2, 1));
		assertGrey(new float[] {Float.NaN, Float.NaN}, allNan.rgb());
		assertEquals(2, allNan.nonFinitePixels());
		AdaptedImage flat = ImgLib2Adapter.toRgbImage(ArrayImgs.floats(new float[] {7, 7}, 2, 1));
		assertGrey(new float[] {0, 0}, flat.rgb());
		assertEquals(0, flat.nonFinitePixels());
	}

	@Test
	void aGivenIntensityRangeIsUsedAndClamps() {
		AdaptedImage a = ImgLib2Adapter.toRgbImage(ArrayImgs.unsignedShorts(new short[] {0, 100, 150, 200, 300, 175}, W, H),
				new IntensityRange(100, 200));
		assertGrey(new float[] {0, 0, 127.5f, 255, 255, 191.25f}, a.rgb());
		// Also for 8-bit, whose automatic range is 0..255.
		AdaptedImage b = ImgLib2Adapter.toRgbImage(ArrayImgs.unsignedBytes(new byte[] {50, 100}, 2, 1), new IntensityRange(50, 100));
		assertGrey(new float[] {0, 255}, b.rgb());
		assertThrows(IllegalArgumentException.class, () -> new IntensityRange(5, 5));
		assertThrows(IllegalArgumentException.class, () -> new IntensityRange(0, Double.NaN));
	}

	@Test
	void argbGivesTheThreeColourPlanesAndIgnoresAlpha() {
		int[] argb = {ARGBType.rgba(255, 0, 0, 0), ARGBType.rgba(0, 255, 0, 255), ARGBType.rgba(0, 0, 255, 128),
				ARGBType.rgba(10, 20, 30, 255), ARGBType.rgba(40, 50, 60, 255), ARGBType.rgba(70, 80, 90, 255)};
		AdaptedImage a = ImgLib2Adapter.toRgbImage(ArrayImgs.argbs(argb, W, H));
		assertArrayEquals(new float[] {255, 0, 0, 10, 40, 70}, channel(a.rgb(), 0));
		assertArrayEquals(new float[] {0, 255, 0, 20, 50, 80}, channel(a.rgb(), 1));
		assertArrayEquals(new float[] {0, 0, 255, 30, 60, 90}, channel(a.rgb(), 2));
	}

	@Test
	void threeChannelsInTheThirdDimensionAreRedGreenBlue() {
		byte[] planar = {(byte) 255, 0, 0, 10, 40, 70, /* green */ 0, (byte) 255, 0, 20, 50, 80, /* blue */ 0, 0, (byte) 255, 30, 60, 90};
		AdaptedImage channels = ImgLib2Adapter.toRgbImage(ArrayImgs.unsignedBytes(planar, W, H, 3));
		int[] argb = {ARGBType.rgba(255, 0, 0, 255), ARGBType.rgba(0, 255, 0, 255), ARGBType.rgba(0, 0, 255, 255),
				ARGBType.rgba(10, 20, 30, 255), ARGBType.rgba(40, 50, 60, 255), ARGBType.rgba(70, 80, 90, 255)};
		AdaptedImage packed = ImgLib2Adapter.toRgbImage(ArrayImgs.argbs(argb, W, H));
		assertArrayEquals(packed.rgb().toPlanarArray(), channels.rgb().toPlanarArray(), "the same photo as ARGB or as X, Y, C");
	}

	@Test
	void floatChannelsShareOneRangeSoThatColoursKeepTheirBalance() {
		// Red spans 0..1, green is constant 0.5, blue is 0: a per-channel range would make green black.
		float[] planar = {0, 1, 0.5f, 0.5f, 0.5f, 0.5f, 0, 0, 0};
		AdaptedImage a = ImgLib2Adapter.toRgbImage(ArrayImgs.floats(planar, 3, 1, 3));
		assertArrayEquals(new float[] {0, 255, 127.5f}, channel(a.rgb(), 0), 1e-4f);
		assertArrayEquals(new float[] {127.5f, 127.5f, 127.5f}, channel(a.rgb(), 1), 1e-4f);
		assertArrayEquals(new float[] {0, 0, 0}, channel(a.rgb(), 2), 1e-4f);
	}

	@Test
	void dimensionsOfSizeOneAreDropped() {
		byte[] values = {1, 2, 3, 4, 5, 6};
		AdaptedImage a = ImgLib2Adapter.toRgbImage(ArrayImgs.unsignedBytes(values, W, H, 1, 1));
		assertGrey(new float[] {1, 2, 3, 4, 5, 6}, a.rgb());
	}

	@Test
	void anIntervalKeepsItsMinCornerAndReadsOnlyItsPixels() {
		ArrayImg<FloatType, ?> img = ArrayImgs.floats(new float[] {9, 9, 9, 9, 0, 1, 9, 2, 3}, 3, 3);
		RandomAccessibleInterval<FloatType> corner = Views.translate(Views.interval(img, new long[] {1, 1}, new long[] {2, 2}), 100, 50);
		AdaptedImage a = ImgLib2Adapter.toRgbImage(corner);
		assertEquals(2, a.rgb().width());
		assertEquals(101, a.minX());
		assertEquals(51, a.minY());
		assertGrey(new float[] {0, 85, 170, 255}, a.rgb());
	}

	@Test
	void stacksAndOtherLayoutsAreRefusedWithWhatToDo() {
		IllegalArgumentException stack = assertThrows(IllegalArgumentException.class,
				() -> ImgLib2Adapter.toRgbImage(ArrayImgs.unsignedBytes(W, H, 5)));
		assertTrue(stack.getMessage().contains("[3, 2, 5]") && stack.getMessage().contains("hyperSlice"), stack.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ImgLib2Adapter.toRgbImage(ArrayImgs.unsignedBytes(W, H, 3, 2)));
		assertThrows(IllegalArgumentException.class, () -> ImgLib2Adapter.toRgbImage(ArrayImgs.unsignedBytes(W)));
		assertThrows(IllegalArgumentException.class, () -> ImgLib2Adapter.toRgbImage(ArrayImgs.argbs(W, H, 3)));
		IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
				() -> ImgLib2Adapter.toRgbImage(new ListImg<>(Arrays.asList("a", "b"), 2, 1)));
		assertTrue(text.getMessage().contains("RealType"), text.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ImgLib2Adapter.toRgbImage(null));
	}

	@Test
	void theImageIsOnlyRead() {
		float[] values = {Float.NaN, 1, 2, 3, 4, 5};
		float[] before = values.clone();
		ImgLib2Adapter.toRgbImage(ArrayImgs.floats(values, W, H));
		assertArrayEquals(before, values);
	}

	@Test
	void aHugeImageIsRefusedWithItsSizeBeforeAnythingIsAllocated() {
		net.imglib2.RandomAccessibleInterval<net.imglib2.type.numeric.real.FloatType> huge = net.imglib2.view.Views.interval(
				net.imglib2.util.ConstantUtils.constantRandomAccessible(new net.imglib2.type.numeric.real.FloatType(1), 2),
				new net.imglib2.FinalInterval(40000, 40000));
		io.github.landmarkj.core.RejectedInputException e = org.junit.jupiter.api.Assertions.assertThrows(
				io.github.landmarkj.core.RejectedInputException.class, () -> ImgLib2Adapter.toRgbImage(huge));
		org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("The image is 40000 x 40000 pixels (1600 million), more than the 716 million LandmarkJ holds in one image; "
				+ "it would need about 17.9 GB of memory, and Java has "),
				e.getMessage());
	}
}
