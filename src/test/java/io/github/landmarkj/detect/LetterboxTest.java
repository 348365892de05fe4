package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import org.junit.jupiter.api.Test;

class LetterboxTest {
	@Test
	void vgaImageFillsA256By192Input() {
		Letterbox lb = new Letterbox(640, 480, 256, 32);
		assertEquals(256, lb.inputWidth);
		assertEquals(192, lb.inputHeight);
		assertEquals(0.4, lb.scale, 1e-12);
	}

	@Test
	void sidesAreRoundedUpToTheMultiple() {
		Letterbox lb = new Letterbox(500, 333, 256, 32);
		assertEquals(256, lb.inputWidth);
		assertEquals(192, lb.inputHeight); // 333 * 0.512 = 170.5 -> 192
	}

	@Test
	void boxesSurviveTheRoundTrip() {
		Letterbox lb = new Letterbox(1023, 767, 320, 32);
		FaceBox b = new FaceBox(100.25, 40.5, 77, 81.5, 0.7);
		FaceBox back = lb.toImage(lb.toInput(b));
		assertEquals(b.x, back.x, 1e-9);
		assertEquals(b.y, back.y, 1e-9);
		assertEquals(b.width, back.width, 1e-9);
		assertEquals(b.height, back.height, 1e-9);
		assertEquals(0.7, back.score, 0);
	}

	@Test
	void theTransformAndTheBoxMappingAgree() {
		Letterbox lb = new Letterbox(640, 480, 256, 32);
		FaceBox b = new FaceBox(200, 100, 50, 60);
		FaceBox in = lb.toInput(b);
		assertEquals(lb.imageToInput().applyX(b.x, b.y), in.x, 1e-9);
		assertEquals(lb.imageToInput().applyY(b.x, b.y), in.y, 1e-9);
	}

	@Test
	void contentIsResampledAndTheRestIsGrey() {
		// A 64 x 32 image, white left half, black right half -> 256 x 128 content in a 256 x 128 input.
		int w = 64, h = 30;
		float[] grey = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w / 2; x++) {
				grey[y * w + x] = 255;
			}
		}
		Letterbox lb = new Letterbox(w, h, 256, 32);
		assertEquals(128, lb.inputHeight); // 30 * 4 = 120 rows of content, 8 of padding
		float[] in = lb.apply(RgbImage.fromGrey(w, h, grey));
		assertEquals(255, in[60 * 256 + 10], 1e-3);
		assertEquals(0, in[60 * 256 + 200], 1e-3);
		assertEquals(Letterbox.PAD_VALUE, in[125 * 256 + 10], 1e-3);
		assertThrows(IllegalArgumentException.class, () -> lb.apply(RgbImage.fromGrey(2, 2, new float[4])));
	}
}
