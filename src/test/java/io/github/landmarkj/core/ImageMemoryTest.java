package io.github.landmarkj.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Huge images are refused with their size and the memory there is, before anything is allocated. */
class ImageMemoryTest {
	private static final long GB = 1L << 30;

	@Test
	void anImageLargerThanTheMemoryLeftIsRefusedWithItsSizeAndTheMemory() {
		RejectedInputException e = assertThrows(RejectedInputException.class,
				() -> ImageMemory.require("Image scan.tif", 20000, 20000, ImageMemory.FILE_READ_BYTES_PER_PIXEL, 2 * GB - (300L << 20), 2 * GB));
		assertEquals("Image scan.tif is 20000 x 20000 pixels: analysing it needs about 7.5 GB of memory and Java has 1.7 GB available "
				+ "(at most 2.0 GB). Give Java more memory (Fiji: Edit > Options > Memory & Threads; command line: java -Xmx16g ...), "
				+ "or scale the image down or crop it first", e.getMessage());
		// 640 x 480 with 100 MB left is fine.
		ImageMemory.require("Image photo.jpg", 640, 480, ImageMemory.FILE_READ_BYTES_PER_PIXEL, 100L << 20, 2 * GB);
	}

	@Test
	void anImageLargerThanOneJavaArrayIsRefusedWhateverTheMemory() {
		RejectedInputException e = assertThrows(RejectedInputException.class,
				() -> ImageMemory.require("Plane 3 of stack.tif", 100000, 100000, 12, 512 * GB, 512 * GB));
		assertEquals("Plane 3 of stack.tif is 100000 x 100000 pixels (10000 million), more than the 716 million LandmarkJ holds in one "
				+ "image; it would need about 111.8 GB of memory, and Java has 512.0 GB available (at most 512.0 GB). Scale it down or crop "
				+ "the region with the faces first", e.getMessage());
	}

	@Test
	void theRuntimeCheckPassesForASmallImageAndRefusesAnImpossibleOne() {
		ImageMemory.require("Image small.png", 100, 100, 20);
		long beyond = Runtime.getRuntime().maxMemory() / 12 + 1;
		long side = (long) Math.ceil(Math.sqrt(beyond)) + 1;
		RejectedInputException e = assertThrows(RejectedInputException.class, () -> ImageMemory.require("The image", side, side, 12));
		assertTrue(e.getMessage().contains(side + " x " + side + " pixels"), e.getMessage());
	}
}
