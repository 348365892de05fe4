package io.github.landmarkj.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.landmarkj.core.FaceBox;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DlibBoxAlignmentTest {
	@Test
	void applyMovesAndScalesByTheLongerSide() {
		FaceBox b = new DlibBoxAlignment(0.1, -0.2, 1.5).apply(new FaceBox(10, 20, 40, 60));
		// longer side 60: side 90, centre (30 + 6, 50 - 12)
		assertEquals(-9, b.x, 1e-12);
		assertEquals(-7, b.y, 1e-12);
		assertEquals(90, b.width, 1e-12);
		assertEquals(90, b.height, 1e-12);
	}

	@Test
	void fitRecoversAKnownStepAndIgnoresAnOutlier() {
		DlibBoxAlignment known = new DlibBoxAlignment(-0.011, -0.095, 1.042);
		List<FaceBox> tight = new ArrayList<>(), detected = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			FaceBox t = new FaceBox(5 * i, 300 - 7 * i, 80 + 13 * i, 90 + 11 * (i % 4));
			tight.add(t);
			detected.add(known.apply(t));
		}
		tight.add(new FaceBox(0, 0, 100, 100));
		detected.add(new FaceBox(500, 500, 20, 20));
		DlibBoxAlignment fitted = DlibBoxAlignment.fit(tight, detected);
		assertEquals(known.centreShiftX(), fitted.centreShiftX(), 1e-9);
		assertEquals(known.centreShiftY(), fitted.centreShiftY(), 1e-9);
		assertEquals(known.sidePerSide(), fitted.sidePerSide(), 1e-9);
	}

	@Test
	void matchTakesTheMostOverlappingDetectionAboveTheThreshold() {
		FaceBox tight = new FaceBox(100, 100, 100, 100);
		FaceBox near = new FaceBox(110, 90, 100, 100), nearer = new FaceBox(100, 95, 100, 100), elsewhere = new FaceBox(400, 400, 100, 100);
		assertSame(nearer, DlibBoxAlignment.match(tight, List.of(near, elsewhere, nearer)));
		assertNull(DlibBoxAlignment.match(tight, List.of(elsewhere)));
		assertNull(DlibBoxAlignment.match(tight, List.of(new FaceBox(170, 170, 100, 100))), "IoU below 0.3");
		assertNull(DlibBoxAlignment.match(tight, List.of()));
	}

	@Test
	void fitRefusesUnpairedBoxes() {
		assertThrows(IllegalArgumentException.class, () -> DlibBoxAlignment.fit(List.of(new FaceBox(0, 0, 1, 1)), List.of()));
		assertThrows(IllegalArgumentException.class, () -> DlibBoxAlignment.fit(List.of(), List.of()));
		assertThrows(IllegalArgumentException.class, () -> new DlibBoxAlignment(0, 0, 0));
	}
}
