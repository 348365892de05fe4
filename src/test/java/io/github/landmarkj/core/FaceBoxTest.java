package io.github.landmarkj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

class FaceBoxTest {
	private static final double EPS = 1e-12;

	@Test
	void enclosingIsTheTightBox() {
		FaceBox b = FaceBox.enclosing(Arrays.asList(new Point2(3, 9), new Point2(-2, 4), new Point2(7, 5), new Point2(1, 12)));
		assertEquals(-2, b.x, EPS);
		assertEquals(4, b.y, EPS);
		assertEquals(9, b.width, EPS);
		assertEquals(8, b.height, EPS);
		assertEquals(1.0, b.score, EPS);
		assertEquals(2.5, b.centerX(), EPS);
		assertEquals(8, b.centerY(), EPS);
		assertEquals(72, b.area(), EPS);
	}

	@Test
	void enclosingOfASinglePointIsATinyBox() {
		FaceBox b = FaceBox.enclosing(Collections.singletonList(new Point2(5, 6)));
		assertEquals(5, b.x, EPS);
		assertEquals(6, b.y, EPS);
		assertEquals(1e-6, b.width, EPS);
		assertEquals(1e-6, b.height, EPS);
	}

	@Test
	void iouOfIdenticalBoxesIsOne() {
		FaceBox a = new FaceBox(10, 20, 30, 40);
		assertEquals(1.0, a.iou(new FaceBox(10, 20, 30, 40)), EPS);
	}

	@Test
	void iouOfDisjointOrTouchingBoxesIsZero() {
		FaceBox a = new FaceBox(0, 0, 10, 10);
		assertEquals(0.0, a.iou(new FaceBox(20, 20, 5, 5)), EPS);
		assertEquals(0.0, a.iou(new FaceBox(10, 0, 10, 10)), EPS); // shares an edge only
		assertEquals(0.0, a.iou(new FaceBox(0, -30, 10, 10)), EPS);
	}

	@Test
	void iouHandCases() {
		FaceBox a = new FaceBox(0, 0, 10, 10);
		// Shifted by half its width: intersection 50, union 150.
		assertEquals(1.0 / 3, a.iou(new FaceBox(5, 0, 10, 10)), EPS);
		// Left half of a: intersection 50, union 100.
		assertEquals(0.5, a.iou(new FaceBox(0, 0, 5, 10)), EPS);
		// Quarter overlap at a corner: intersection 25, union 175.
		assertEquals(25.0 / 175, a.iou(new FaceBox(5, 5, 10, 10)), EPS);
		// Symmetric.
		FaceBox b = new FaceBox(3, -2, 4, 20);
		assertEquals(a.iou(b), b.iou(a), EPS);
		// intersection 4 x 10 = 40, union 100 + 80 - 40 = 140.
		assertEquals(40.0 / 140, a.iou(b), EPS);
	}

	@Test
	void constructorRejectsNonPositiveSizes() {
		assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, 0, 10));
		assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, 10, 0));
		assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, -1, 10));
		assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, 10, -5, 0.5));
		assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, Double.NaN, 10));
		assertEquals(0.25, new FaceBox(1, 2, 3, 4, 0.25).score, EPS);
	}
}
