package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.landmarkj.core.FaceBox;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

class NonMaxSuppressionTest {
	@Test
	void keepsTheBestOfOverlappingBoxesAndAllSeparateOnes() {
		FaceBox a = new FaceBox(10, 10, 40, 40, 0.9);
		FaceBox aShifted = new FaceBox(14, 12, 40, 40, 0.8); // IoU with a about 0.75
		FaceBox b = new FaceBox(100, 10, 30, 30, 0.5);
		FaceBox bBigger = new FaceBox(98, 8, 34, 34, 0.7); // IoU with b about 0.78: wins, it scores higher
		FaceBox c = new FaceBox(30, 30, 40, 40, 0.6); // IoU with a = 400 / 2800 = 0.14: kept
		List<FaceBox> kept = new NonMaxSuppression(0.4).apply(Arrays.asList(b, aShifted, c, a, bBigger));
		assertEquals(Arrays.asList(a, bBigger, c), kept);
	}

	@Test
	void overlapExactlyAtTheThresholdIsKept() {
		// Two 10 x 10 boxes sharing a 10 x 5 strip: IoU = 50 / 150 = 1/3.
		FaceBox a = new FaceBox(0, 0, 10, 10, 0.9);
		FaceBox b = new FaceBox(0, 5, 10, 10, 0.8);
		assertEquals(2, new NonMaxSuppression(0.34).apply(Arrays.asList(a, b)).size());
		assertEquals(1, new NonMaxSuppression(0.33).apply(Arrays.asList(a, b)).size());
	}

	@Test
	void rejectsAnIouOutsideTheUnitInterval() {
		assertThrows(IllegalArgumentException.class, () -> new NonMaxSuppression(0));
		assertThrows(IllegalArgumentException.class, () -> new NonMaxSuppression(1.5));
	}
}
