package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.core.Point2;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shape signal of the false-detection study: a 2-D similarity fit's relative residual (pure Java). */
class DetectionSignalsTest {
	private static final List<Point2> SHAPE = List.of(new Point2(0, 0), new Point2(4, 0), new Point2(2, 3), new Point2(1, 5), new Point2(3, 5));

	@Test
	void aSimilarCopyOfTheShapeHasNoResidual() {
		double c = Math.cos(0.4), s = Math.sin(0.4);
		List<Point2> moved = new ArrayList<>();
		for (Point2 p : SHAPE) {
			moved.add(new Point2(10 + 2.5 * (c * p.x - s * p.y), -3 + 2.5 * (s * p.x + c * p.y)));
		}
		assertEquals(0, DetectionSignalsDump.SimilarityFit.relativeResidual(SHAPE, moved), 1e-6); // the square root of a rounding-level residual
	}

	@Test
	void theResidualGrowsWithTheDistortionAndIgnoresScale() {
		List<Point2> bent = new ArrayList<>(SHAPE), bentMore = new ArrayList<>(SHAPE);
		bent.set(2, new Point2(2.5, 3));
		bentMore.set(2, new Point2(3.5, 3));
		double small = DetectionSignalsDump.SimilarityFit.relativeResidual(SHAPE, bent);
		double large = DetectionSignalsDump.SimilarityFit.relativeResidual(SHAPE, bentMore);
		assertTrue(small > 0.01 && large > 2 * small, small + " " + large);
		List<Point2> bentLarger = new ArrayList<>();
		for (Point2 p : bent) {
			bentLarger.add(new Point2(7 * p.x, 7 * p.y));
		}
		assertEquals(small, DetectionSignalsDump.SimilarityFit.relativeResidual(SHAPE, bentLarger), 1e-12);
	}

	@Test
	void confidencesRejectBelowResidualsAbove() {
		assertTrue(FalseDetectionStudy.rejectsBelow("conf1_left_eye"));
		assertTrue(FalseDetectionStudy.rejectsBelow("look4_score"));
		assertFalse(FalseDetectionStudy.rejectsBelow("pose3_residual"));
		assertFalse(FalseDetectionStudy.rejectsBelow("shift12"));
		assertFalse(FalseDetectionStudy.rejectsBelow("occlusion1_mean"));
		assertFalse(FalseDetectionStudy.rejectsBelow("flip_shift"));
	}
}
