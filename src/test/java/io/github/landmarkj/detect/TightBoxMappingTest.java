package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.InputNormalisation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

/** From detector boxes to landmark boxes (no libtorch). */
class TightBoxMappingTest {
	private static final TightBoxMapping LOWER_AND_LARGER = new TightBoxMapping(0.1, 0.2, 1.5);

	private static DetectorSpec spec(TightBoxMapping mapping) {
		return new DetectorSpec(320, 240, new InputNormalisation(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f}),
				PriorSpec.ultraLight(), 0.7, 0.3, mapping);
	}

	@Test
	void theLandmarkBoxIsASquareAroundTheShiftedCentre() {
		FaceBox mapped = LOWER_AND_LARGER.apply(new FaceBox(100, 50, 40, 60, 0.9));
		assertEquals(60, mapped.width, 1e-12);
		assertEquals(60, mapped.height, 1e-12);
		assertEquals(120 + 4, mapped.centerX(), 1e-12);
		assertEquals(80 + 12, mapped.centerY(), 1e-12);
		assertEquals(0.9, mapped.score, 0);
	}

	@Test
	void aDetectorWithoutMappingGivesItsBoxesAsTheyAre() {
		FaceBox box = new FaceBox(1, 2, 30, 40, 0.8);
		assertSame(box, spec(null).landmarkBox(box));
	}

	@Test
	void aMappedBoxTheLandmarkModelCannotUseFallsBackToTheDetectorsBoxOrIsDropped() {
		FaceBox inside = new FaceBox(10, 10, 20, 20, 0.9);
		FaceBox atTheBottom = new FaceBox(10, 85, 20, 20, 0.8);
		FaceBox tiny = new FaceBox(50, 50, 2, 2, 0.75);
		List<FaceBox> out = FaceFinder.landmarkBoxes(spec(new TightBoxMapping(0, 0.5, 1)), Arrays.asList(inside, atTheBottom, tiny), 100, 100);
		assertEquals(2, out.size());
		assertEquals(30, out.get(0).centerY(), 1e-12);
		assertSame(atTheBottom, out.get(1));
	}

	@Test
	void nonFiniteShiftsAndNonPositiveSidesAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new TightBoxMapping(Double.NaN, 0, 1));
		assertThrows(IllegalArgumentException.class, () -> new TightBoxMapping(0, Double.POSITIVE_INFINITY, 1));
		assertThrows(IllegalArgumentException.class, () -> new TightBoxMapping(0, 0, 0));
		assertThrows(IllegalArgumentException.class, () -> new TightBoxMapping(0, 0, Double.POSITIVE_INFINITY));
	}
}
