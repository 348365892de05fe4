package io.github.landmarkj.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmupCosineScheduleTest {
	@Test
	void warmsUpLinearlyOverTheFirstEpochThenDecaysToOnePercent() {
		WarmupCosineSchedule s = new WarmupCosineSchedule(0.002, 100, 50, 0);
		assertEquals(0.002 / 100, s.getNewValue(0), 1e-9);
		assertEquals(0.002 * 50 / 100, s.getNewValue(49), 1e-9);
		assertEquals(0.002, s.getNewValue(100), 1e-9, "peak right after the warm-up");
		assertEquals(0.002 * (0.01 + 0.99 * 0.5), s.getNewValue(100 + (5000 - 100) / 2), 1e-7, "half way down the cosine");
		assertEquals(0.002 * 0.01, s.getNewValue(4999), 1e-7, "1% of the peak at the end");
		assertEquals(0.002 * 0.01, s.getNewValue(9999), 1e-9, "and it stays there");
		for (int step = 101; step < 5000; step++) {
			assertTrue(s.getNewValue(step) <= s.getNewValue(step - 1), "decreasing at step " + step);
		}
	}

	@Test
	void aShortRunWarmsUpOverATenthOfIt() {
		WarmupCosineSchedule s = new WarmupCosineSchedule(1, 100, 2, 0);
		assertEquals(1.0 / 20, s.getNewValue(0), 1e-9);
		assertEquals(1.0, s.getNewValue(20), 1e-9);
	}

	@Test
	void aResumedRunContinuesWhereTheCheckpointLeftIt() {
		WarmupCosineSchedule fresh = new WarmupCosineSchedule(0.002, 100, 50, 0);
		WarmupCosineSchedule resumed = new WarmupCosineSchedule(0.002, 100, 50, 700);
		for (int step = 0; step < 300; step++) {
			assertEquals(fresh.getNewValue(700 + step), resumed.getNewValue(step), 0f);
		}
	}
}
