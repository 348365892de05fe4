package io.github.landmarkj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CropRuleTest {
	private static final double EPS = 1e-9;

	@Test
	void boxCentreMapsToCropCentre() {
		CropRule rule = new CropRule(128, 1.35);
		FaceBox box = new FaceBox(10, 20, 40, 60);
		Point2 c = rule.transformFor(box).apply(new Point2(30, 50));
		assertEquals(63.5, c.x, EPS);
		assertEquals(63.5, c.y, EPS);
	}

	@Test
	void scaledLongerSideMapsToInputSize() {
		CropRule rule = new CropRule(128, 1.35);
		FaceBox box = new FaceBox(10, 20, 40, 60); // side = 1.35 * 60 = 81
		SimilarityTransform t = rule.transformFor(box);
		assertEquals(128 / 81.0, t.scale(), EPS);
		Point2 a = t.apply(new Point2(30 - 40.5, 50)), b = t.apply(new Point2(30 + 40.5, 50));
		assertEquals(128, b.x - a.x, EPS);
		assertEquals(-0.5, a.x, EPS);
		assertEquals(127.5, b.x, EPS);
		// A wide box uses its width.
		SimilarityTransform w = new CropRule(64, 1.5).transformFor(new FaceBox(0, 0, 100, 30));
		assertEquals(64 / 150.0, w.scale(), EPS);
	}

	@Test
	void rollRotatesAboutTheBoxCentre() {
		CropRule rule = new CropRule(100, 2);
		FaceBox box = new FaceBox(0, 0, 50, 50); // centre (25, 25), side 100, scale 1
		double roll = Math.toRadians(30);
		SimilarityTransform t = rule.transformFor(box, roll);
		Point2 centre = t.apply(new Point2(25, 25));
		assertEquals(49.5, centre.x, EPS);
		assertEquals(49.5, centre.y, EPS);
		// A point 10 px along the rolled face's x axis ends up 10 px right of the centre.
		Point2 p = t.apply(new Point2(25 + 10 * Math.cos(roll), 25 + 10 * Math.sin(roll)));
		assertEquals(59.5, p.x, EPS);
		assertEquals(49.5, p.y, EPS);
	}

	@Test
	void rejectsBadParameters() {
		assertThrows(IllegalArgumentException.class, () -> new CropRule(0, 1.3));
		assertThrows(IllegalArgumentException.class, () -> new CropRule(128, 0));
		assertThrows(IllegalArgumentException.class, () -> new CropRule(128, Double.NaN));
	}
}
