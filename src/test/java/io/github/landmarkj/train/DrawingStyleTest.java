package io.github.landmarkj.train;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrawingStyleTest {
	private static final int S = 32;

	/** Left half dark (40), right half light (200), with a little noise: one vertical edge at x = 16. */
	private static float[] halves(long seed) {
		Random rng = new Random(seed);
		float[] p = new float[3 * S * S];
		for (int c = 0; c < 3; c++) {
			for (int i = 0; i < S * S; i++) {
				p[c * S * S + i] = (i % S < S / 2 ? 40 : 200) + (float) rng.nextGaussian() * 3;
			}
		}
		return p;
	}

	@Test
	void posterisedValuesTakeOnlyTheGivenLevels() {
		float[] p = halves(1);
		for (int i = 0; i < p.length; i++) {
			p[i] += i % 97; // a spread of values
		}
		DrawingStyle.posterise(p, 4);
		Set<Float> values = new HashSet<>();
		for (float v : p) {
			values.add(v);
		}
		assertTrue(values.size() <= 4 && values.size() >= 2, values.toString());
		for (float v : values) {
			assertEquals(0, v % 85f, 1e-3, "level " + v);
		}
	}

	@Test
	void sketchDrawsTheEdgeDarkOnWhitePaper() {
		float[] p = halves(2);
		DrawingStyle.sketch(p, S, 3);
		int n = S * S;
		float flatLeft = p[10 * S + 5], flatRight = p[10 * S + 26], edge = p[10 * S + 16];
		assertTrue(flatLeft > 200 && flatRight > 200, flatLeft + " " + flatRight);
		assertTrue(edge < 50, "edge " + edge);
		assertEquals(p[10 * S + 16], p[n + 10 * S + 16]);
		assertEquals(p[10 * S + 16], p[2 * n + 10 * S + 16]);
	}

	@Test
	void cartoonFlattensNoiseAndOutlinesTheEdge() {
		float[] p = halves(3);
		DrawingStyle.cartoon(p, S, 2, 5, 40);
		assertEquals(p[8 * S + 4], p[20 * S + 10], "one flat colour on the dark side");
		assertEquals(p[8 * S + 22], p[20 * S + 28], "one flat colour on the light side");
		assertEquals(20, p[10 * S + 16], "outline at the edge");
		assertTrue(p[8 * S + 22] > p[8 * S + 4]);
	}

	@Test
	void bilateralKeepsTheStepButSmoothsNoise() {
		float[] p = halves(4);
		DrawingStyle.bilateral5(p, S, 30);
		float left = p[10 * S + 14], right = p[10 * S + 17];
		assertTrue(left < 50 && right > 190, left + " " + right);
	}

	@Test
	void probabilityDecidesHowOftenAndEveryStyleIsUsed() {
		Random rng = new Random(5);
		assertNull(new DrawingStyle(0).apply(halves(5), S, rng));
		EnumSet<DrawingStyle.Style> seen = EnumSet.noneOf(DrawingStyle.Style.class);
		int applied = 0;
		DrawingStyle half = new DrawingStyle(0.5);
		for (int k = 0; k < 200; k++) {
			DrawingStyle.Style s = half.apply(halves(k), S, rng);
			if (s != null) {
				seen.add(s);
				applied++;
			}
		}
		assertTrue(applied > 70 && applied < 130, "applied " + applied);
		assertEquals(EnumSet.allOf(DrawingStyle.Style.class), seen);
	}
}
