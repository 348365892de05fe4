package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import org.junit.jupiter.api.Test;

class DetectorInputTest {
	private static DetectorInput input(int w, int h, double minFace) {
		return DetectorInput.forImage(w, h, 320, 240, minFace);
	}

	private static void assertSize(int w, int h, DetectorInput in) {
		assertEquals(w, in.inputWidth(), "width");
		assertEquals(h, in.inputHeight(), "height");
	}

	@Test
	void fitsTheModelsInputWithTheAspectKept() {
		assertSize(320, 240, input(640, 480, 0));
		assertSize(240, 320, input(480, 640, 0));
		assertSize(320, 32, input(1000, 100, 0));
		assertSize(240, 240, input(1024, 1024, 0));
		assertSize(240, 240, input(1, 1, 0));
		assertSize(320, 1, input(20000, 3, 0));
		assertSize(320, 240, input(12000, 9000, 0));
	}

	@Test
	void aMinimumFaceSizeEnlargesTheInputUpToItsLimit() {
		assertSize(320, 240, input(640, 480, 60));
		assertSize(640, 480, input(640, 480, 20));
		assertSize(1280, 960, input(640, 480, 10));
		assertSize(1280, 960, input(640, 480, 1));
		assertSize(1280, 960, input(12000, 9000, 20));
		assertThrows(IllegalArgumentException.class, () -> input(640, 480, -1));
		assertThrows(IllegalArgumentException.class, () -> input(640, 480, Double.NaN));
		assertThrows(IllegalArgumentException.class, () -> input(0, 480, 0));
	}

	@Test
	void boxesMapBackToImagePixelCentres() {
		DetectorInput in = input(640, 480, 0);
		FaceBox whole = in.toImage(new FaceBox(0, 0, 320, 240, 0.9));
		assertEquals(-0.5, whole.x, 1e-12);
		assertEquals(-0.5, whole.y, 1e-12);
		assertEquals(640, whole.width, 1e-12);
		assertEquals(480, whole.height, 1e-12);
		assertEquals(0.9, whole.score, 1e-12);
	}

	@Test
	void pixelsThatAreNotNumbersBecomeMidGrey() {
		float[] p = new float[3 * 4 * 4];
		java.util.Arrays.fill(p, Float.NaN);
		float[] out = input(4, 4, 0).pixels(RgbImage.wrap(4, 4, p));
		assertEquals(3 * 240 * 240, out.length);
		for (float v : out) {
			assertEquals(DetectorInput.NEUTRAL, v, 0);
		}
	}
}
