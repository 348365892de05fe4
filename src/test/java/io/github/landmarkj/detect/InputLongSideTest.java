package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputLongSideTest {
	@Test
	void halfTheImageBetweenTheModelSizeAndTwiceItInMultiplesOf32() {
		assertEquals(256, FaceDetector.inputLongSide(256, 384, 384), "small images at the model's size");
		assertEquals(256, FaceDetector.inputLongSide(256, 512, 512));
		assertEquals(320, FaceDetector.inputLongSide(256, 640, 480));
		assertEquals(512, FaceDetector.inputLongSide(256, 1024, 512), "a 1024 px group photo at half size");
		assertEquals(512, FaceDetector.inputLongSide(256, 600, 4000), "never more than twice the model's size");
		assertEquals(352, FaceDetector.inputLongSide(256, 650, 100), "rounded up to a multiple of 32");
	}
}
