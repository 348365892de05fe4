package io.github.landmarkj.train;

import java.util.Random;

/**
 * A smooth random function of time: random key values every {@code spacing} frames joined by
 * Catmull-Rom cubics, so that position and velocity are continuous (no stop-and-go at the keys).
 * Immutable; defined for any time, also between frames (for motion blur).
 */
final class SmoothCurve {
	private final double[] keys;
	private final double spacing;

	SmoothCurve(double[] keys, double spacing) {
		if (keys.length < 4 || !(spacing > 0)) {
			throw new IllegalArgumentException("A smooth curve needs at least 4 keys and a positive spacing");
		}
		this.keys = keys.clone();
		this.spacing = spacing;
	}

	/** Keys uniform in [lo, hi] covering times -spacing .. frames + 2 spacing. */
	static SmoothCurve random(double lo, double hi, double spacing, int frames, Random rng) {
		int n = (int) Math.ceil(frames / spacing) + 4;
		double[] k = new double[n];
		for (int i = 0; i < n; i++) {
			k[i] = lo + (hi - lo) * rng.nextDouble();
		}
		return new SmoothCurve(k, spacing);
	}

	static SmoothCurve constant(double value) {
		return new SmoothCurve(new double[] {value, value, value, value}, 1e9);
	}

	/** The value at time {@code t} (in frames; key i sits at time (i - 1) spacing). */
	double at(double t) {
		double u = t / spacing + 1;
		int i = Math.max(1, Math.min(keys.length - 3, (int) Math.floor(u)));
		double f = u - i;
		double p0 = keys[i - 1], p1 = keys[i], p2 = keys[i + 1], p3 = keys[i + 2];
		return 0.5 * (2 * p1 + (-p0 + p2) * f + (2 * p0 - 5 * p1 + 4 * p2 - p3) * f * f + (-p0 + 3 * p1 - 3 * p2 + p3) * f * f * f);
	}
}
