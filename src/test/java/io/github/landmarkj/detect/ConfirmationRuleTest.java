package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.landmarkj.core.FaceBox;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The rule by which a second detector confirms faces (no libtorch needed). */
class ConfirmationRuleTest {
	private static final ConfirmationRule RULE = new ConfirmationRule(0.3, 0.764, false);

	private static FaceBox box(double x, double y, double side, double score) {
		return new FaceBox(x, y, side, side, score);
	}

	@Test
	void aBoxIsKeptOnlyWhereASecondBoxOverlapsEnoughAndScoresEnough() {
		FaceBox face = box(100, 100, 50, 0.9), hand = box(300, 100, 40, 0.95), mask = box(500, 100, 60, 0.8);
		List<FaceBox> second = List.of(
				box(110, 105, 50, 0.80), // IoU 0.55 with the face, score above 0.764: confirms
				box(310, 100, 40, 0.70), // over the hand, but scores too low
				box(545, 100, 60, 0.99)); // sure, but IoU 0.14 with the mask: too far
		assertEquals(List.of(face), RULE.confirmed(List.of(face, hand, mask), second));
		assertEquals(List.of(), RULE.confirmed(List.of(face, hand, mask), List.of()));
	}

	@Test
	void theThresholdsAreInclusiveAndTheOrderIsKept() {
		FaceBox a = box(0, 0, 10, 0.9), b = box(100, 0, 10, 0.9);
		// a 10 x 3 box inside b: IoU exactly 30 / 100; with score exactly 0.764 it confirms
		FaceBox atEdge = new FaceBox(100, 0, 10, 3, 0.764);
		assertEquals(0.3, b.iou(atEdge), 0);
		assertEquals(List.of(a, b), RULE.confirmed(List.of(a, b), List.of(atEdge, box(0, 0, 10, 0.99))));
		assertEquals(List.of(a), RULE.confirmed(List.of(a, b), List.of(box(0, 0, 10, 0.99), new FaceBox(100, 0, 10, 3, Math.nextDown(0.764)))));
		assertEquals(List.of(a), RULE.confirmed(List.of(a, b), List.of(box(0, 0, 10, 0.99), new FaceBox(100, 0, 10, 2.9, 0.764))));
	}

	@Test
	void oneSecondBoxMayConfirmTwoFacesCloseTogether() {
		FaceBox left = box(0, 0, 10, 0.9), right = box(3, 0, 10, 0.9);
		assertEquals(List.of(left, right), RULE.confirmed(List.of(left, right), List.of(box(1.5, 0, 10, 0.9))));
	}

	@Test
	void theSecondDetectorsInputIsNeverLargerThanTheImageUnlessAllowed() {
		DetectorInput small = DetectorInput.forImage(384, 384, 640, 480, 0); // a validation crop: 1.25 x
		assertEquals(1.25, small.scale(), 1e-12);
		assertEquals(1, RULE.input(small).scale(), 0);
		assertEquals(384, RULE.input(small).inputWidth());
		assertEquals(1.25, new ConfirmationRule(0.3, 0.764, true).input(small).scale(), 1e-12);
		DetectorInput large = DetectorInput.forImage(1280, 960, 640, 480, 0);
		assertEquals(large, RULE.input(large));
	}

	@Test
	void thresholdsOutsideTheirRangeAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new ConfirmationRule(0, 0.5, false));
		assertThrows(IllegalArgumentException.class, () -> new ConfirmationRule(1.5, 0.5, false));
		assertThrows(IllegalArgumentException.class, () -> new ConfirmationRule(0.3, 1, false));
		assertThrows(IllegalArgumentException.class, () -> new ConfirmationRule(0.3, Double.NaN, false));
	}
}
