package io.github.landmarkj.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import io.github.landmarkj.core.Point2;

class HeatmapTargetsTest {
	private static final int SIZE = 32;
	private final HeatmapTargets targets = new HeatmapTargets(SIZE, 4, 1.5);

	private static float at(float[] maps, int m, int u, int v) {
		return maps[(m * SIZE + v) * SIZE + u];
	}

	@Test
	void rendersAUnitPeakAtAnIntegerPosition() {
		// Crop (41.5, 29.5) is the centre of heat-map pixel (10, 7) at stride 4.
		float[] maps = targets.render(Collections.singletonList(new Point2(41.5, 29.5)));
		assertEquals(SIZE * SIZE, maps.length);
		assertEquals(1f, at(maps, 0, 10, 7), 1e-6f);
		double g = 2 * 1.5 * 1.5;
		assertEquals(Math.exp(-1 / g), at(maps, 0, 11, 7), 1e-6);
		assertEquals(Math.exp(-1 / g), at(maps, 0, 10, 6), 1e-6);
		assertEquals(Math.exp(-2 / g), at(maps, 0, 9, 8), 1e-6);
		assertEquals(Math.exp(-25 / g), at(maps, 0, 15, 7), 1e-7);
		assertEquals(Math.exp(-25 / g), at(maps, 0, 10, 2), 1e-7);
		// The support stops at ceil(3 sigma) = 5 pixels.
		assertEquals(0f, at(maps, 0, 16, 7), 0f);
		assertEquals(0f, at(maps, 0, 10, 13), 0f);
		assertEquals(0f, at(maps, 0, 0, 0), 0f);
		int argmax = 0;
		for (int i = 1; i < maps.length; i++) {
			if (maps[i] > maps[argmax]) {
				argmax = i;
			}
		}
		assertEquals(7 * SIZE + 10, argmax);
	}

	@Test
	void rendersEachPointIntoItsOwnMap() {
		float[] maps = targets.render(Arrays.asList(new Point2(1.5, 1.5), new Point2(125.5, 125.5)));
		assertEquals(2 * SIZE * SIZE, maps.length);
		assertEquals(1f, at(maps, 0, 0, 0), 1e-6f);
		assertEquals(1f, at(maps, 1, 31, 31), 1e-6f);
		assertEquals(0f, at(maps, 0, 31, 31), 0f);
		assertEquals(0f, at(maps, 1, 0, 0), 0f);
	}

	@Test
	void subPixelPointGivesSymmetricValues() {
		// Heat-map position (10.5, 7): pixels 10 and 11 are equally far.
		float[] maps = targets.render(Collections.singletonList(new Point2(4 * 10.5 + 1.5, 4 * 7 + 1.5)));
		double g = 2 * 1.5 * 1.5;
		assertEquals(Math.exp(-0.25 / g), at(maps, 0, 10, 7), 1e-6);
		assertEquals(Math.exp(-0.25 / g), at(maps, 0, 11, 7), 1e-6);
		assertEquals(Math.exp(-(0.25 + 1) / g), at(maps, 0, 11, 8), 1e-6);
	}

	@Test
	void pointOutsideTheMapGivesItsTail() {
		// Heat-map position (-2, 5): pixel (0, 5) is 2 away; pixel (4, 5) is beyond the support.
		float[] maps = targets.render(Collections.singletonList(new Point2(4 * -2 + 1.5, 4 * 5 + 1.5)));
		assertEquals(Math.exp(-4 / 4.5), at(maps, 0, 0, 5), 1e-6);
		assertEquals(Math.exp(-(4 + 1) / 4.5), at(maps, 0, 0, 6), 1e-6);
		assertEquals(0f, at(maps, 0, 4, 5), 0f);
		float[] far = targets.render(Collections.singletonList(new Point2(-200, -200)));
		assertArrayEquals(new float[SIZE * SIZE], far, 0f);
	}

	@Test
	void coverageGridHandCase() {
		float[] mask = {
				1, 1, 0.5f, 0.5f,
				1, 1, 0, 0,
				0, 0, 1, 0,
				0, 0.2f, 0, 1};
		float[] grid = HeatmapTargets.coverageGrid(mask, 4, 2);
		assertArrayEquals(new float[] {1f, 0.25f, 0.05f, 0.5f}, grid, 1e-6f);
	}

	@Test
	void coverageGridIgnoresPartialCells() {
		// 5 x 5 crop, cell 2: a 2 x 2 grid; the last row and column fall outside every full cell.
		float[] mask = new float[25];
		for (int i = 0; i < 5; i++) {
			mask[4 * 5 + i] = 1;
			mask[i * 5 + 4] = 1;
		}
		mask[0] = 1; // cell (0, 0) a quarter covered
		mask[1 * 5 + 3] = 0.5f; // cell (1, 0) one eighth
		assertArrayEquals(new float[] {0.25f, 0.125f, 0f, 0f}, HeatmapTargets.coverageGrid(mask, 5, 2), 1e-6f);
	}
}
