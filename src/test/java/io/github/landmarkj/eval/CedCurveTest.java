package io.github.landmarkj.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CedCurveTest {
	private static final double EPS = 1e-12;

	@Test
	void stepsRiseAtEachErrorAndRunFlatToTheEnd() {
		// Errors 0.05 and 0.02 (unsorted) and one beyond the axis: 0 up to 0.02, 1/3 up to 0.05, then 2/3.
		CedCurve c = new CedCurve(new double[] {0.05, 0.02, 0.3}, 0.1);
		assertArrayEquals(new double[] {0, 0.02, 0.02, 0.05, 0.05, 0.1}, c.x(), EPS);
		assertArrayEquals(new double[] {0, 0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 2 / 3.0}, c.y(), EPS);
	}

	@Test
	void aucIsTheExactAreaOfTheStepsAndFailuresExceedTheEnd() {
		CedCurve c = new CedCurve(new double[] {0.05, 0.02, 0.3}, 0.1);
		// Area: (0.1 - 0.02) / 3 + (0.1 - 0.05) / 3 = 0.13 / 3, divided by 0.1.
		assertEquals(0.13 / 3 / 0.1, c.auc(), EPS);
		assertEquals(1 / 3.0, c.failureRate(), EPS);
		assertEquals(3, c.faces());
		CedCurve exact = new CedCurve(new double[] {0.1}, 0.1);
		assertEquals(0, exact.failureRate(), EPS);
		assertEquals(0, exact.auc(), EPS);
	}

	@Test
	void allFacesBeyondTheAxisGiveAFlatCurveAtZero() {
		CedCurve c = new CedCurve(new double[] {0.2, 0.4}, 0.1);
		assertArrayEquals(new double[] {0, 0.1}, c.x(), EPS);
		assertArrayEquals(new double[] {0, 0}, c.y(), EPS);
		assertEquals(1, c.failureRate(), EPS);
	}

	@Test
	void rejectsNoFacesAndNoRange() {
		assertThrows(IllegalArgumentException.class, () -> new CedCurve(new double[0], 0.1));
		assertThrows(IllegalArgumentException.class, () -> new CedCurve(new double[] {0.1}, 0));
		assertThrows(IllegalArgumentException.class, () -> new CedCurve(new double[] {0.1}, Double.NaN));
	}
}
