package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.landmarkj.net.UltraLightRfbNet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

class PriorBoxesTest {
	private final PriorSpec spec = PriorSpec.ultraLight();

	@Test
	void publishedCountAndOrderAt320x240() {
		PriorBoxes p = PriorBoxes.of(spec, 320, 240);
		assertEquals(40 * 30 * 3 + 20 * 15 * 2 + 10 * 8 * 2 + 5 * 4 * 3, p.size());
		// First cell of the stride-8 map: three priors 10, 16, 24 px centred at (4, 4).
		for (int k = 0; k < 3; k++) {
			assertEquals(4, p.centreX(k), 1e-12);
			assertEquals(4, p.centreY(k), 1e-12);
			assertEquals(new int[] {10, 16, 24}[k], p.width(k), 1e-12);
		}
		// Next cell to the right, then the first cell of the second row.
		assertEquals(12, p.centreX(3), 1e-12);
		assertEquals(4, p.centreY(3), 1e-12);
		assertEquals(4, p.centreX(3 * 40), 1e-12);
		assertEquals(12, p.centreY(3 * 40), 1e-12);
		// First prior of the stride-16 map.
		assertEquals(8, p.centreX(3600), 1e-12);
		assertEquals(32, p.width(3600), 1e-12);
		// Last prior: stride-64 map, cell (4, 3), side 256, clamped to the input's height as published.
		int last = p.size() - 1;
		assertEquals(4.5 * 64, p.centreX(last), 1e-12);
		assertEquals(3.5 * 64, p.centreY(last), 1e-12);
		assertEquals(256, p.width(last), 1e-12);
		assertEquals(240, p.height(last), 1e-12);
	}

	@Test
	void countsAgreeWithTheNetworksMaps() {
		assertEquals(Arrays.toString(UltraLightRfbNet.STRIDES), Arrays.toString(spec.strides()));
		assertEquals(Arrays.toString(UltraLightRfbNet.PRIORS_PER_CELL), Arrays.toString(spec.priorsPerCell()));
		for (int[] size : new int[][] {{320, 240}, {100, 50}, {1, 1}, {641, 479}}) {
			assertEquals(UltraLightRfbNet.priorCount(size[0], size[1]), PriorBoxes.of(spec, size[0], size[1]).size());
		}
	}

	@Test
	void centresOfPartialCellsAreClampedToTheInput() {
		PriorBoxes p = PriorBoxes.of(spec, 100, 50);
		// 13 cells across at stride 8: the last centre (12.5 * 8 = 100) sits on the edge.
		assertEquals(100, p.centreX(3 * 12), 1e-12);
		// 7 rows down: the last row's centre 6.5 * 8 = 52 is clamped to 50.
		assertEquals(50, p.centreY(3 * 13 * 6), 1e-12);
		PriorBoxes tiny = PriorBoxes.of(spec, 1, 1);
		assertEquals(10, tiny.size());
		for (int i = 0; i < tiny.size(); i++) {
			assertEquals(1, tiny.width(i), 1e-12);
			assertEquals(1, tiny.centreX(i), 1e-12);
		}
	}

	@Test
	void refusesEmptyInputsAndBadSpecs() {
		assertThrows(IllegalArgumentException.class, () -> PriorBoxes.of(spec, 0, 10));
		assertThrows(IllegalArgumentException.class, () -> new PriorSpec(new int[] {8}, new int[][] {{10}, {20}}, 0.1, 0.2));
		assertThrows(IllegalArgumentException.class, () -> new PriorSpec(new int[] {8}, new int[][] {{}}, 0.1, 0.2));
		assertThrows(IllegalArgumentException.class, () -> new PriorSpec(new int[] {8}, new int[][] {{10}}, 0, 0.2));
	}
}
