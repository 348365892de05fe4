package io.github.landmarkj.train;

import java.util.Random;

/**
 * Makes a photo crop look drawn, for robustness on caricatures and drawings: one of three styles, each
 * on a planar RGB crop (values 0..255), in place.
 * <ul>
 * <li>poster: each channel quantised to 3 to 6 levels (flat colour areas with hard edges, as in posters
 * and flat illustrations);</li>
 * <li>cartoon: edge-preserving smoothing (a few passes of a 5 x 5 bilateral filter), colours quantised
 * to 4 to 8 levels, and dark outlines where the smoothed image has strong edges;</li>
 * <li>sketch: grey pencil lines only, the image's edges drawn dark on white paper.</li>
 * </ul>
 */
public record DrawingStyle(double probability) {
	public enum Style { POSTER, CARTOON, SKETCH }

	/** With {@link #probability()}, a random style at random strength; otherwise nothing. Returns the style applied, or null. */
	public Style apply(float[] p, int size, Random rng) {
		if (probability <= 0 || rng.nextDouble() >= probability) {
			return null;
		}
		Style style = Style.values()[rng.nextInt(Style.values().length)];
		switch (style) {
			case POSTER -> posterise(p, 3 + rng.nextInt(4));
			case CARTOON -> cartoon(p, size, 1 + rng.nextInt(3), 4 + rng.nextInt(5), 45 + rng.nextFloat() * 40);
			case SKETCH -> sketch(p, size, 2 + rng.nextFloat() * 2);
		}
		return style;
	}

	/** Every value snapped to the nearest of {@code levels} evenly spaced levels in 0..255. */
	static void posterise(float[] p, int levels) {
		float step = 255f / (levels - 1);
		for (int i = 0; i < p.length; i++) {
			p[i] = Math.round(Math.max(0, Math.min(255, p[i])) / step) * step;
		}
	}

	/** Bilateral smoothing, colour quantisation, then dark lines where the smoothed grey gradient exceeds {@code edge}. */
	static void cartoon(float[] p, int size, int passes, int levels, float edge) {
		for (int k = 0; k < passes; k++) {
			bilateral5(p, size, 30f);
		}
		float[] grey = grey(p, size);
		float[] gradient = gradientMagnitude(grey, size);
		posterise(p, levels);
		int n = size * size;
		for (int i = 0; i < n; i++) {
			if (gradient[i] > edge) {
				p[i] = p[n + i] = p[2 * n + i] = 20;
			}
		}
	}

	/** Dark strokes on white: 255 minus the grey gradient magnitude times {@code gain}, on all three channels. */
	static void sketch(float[] p, int size, float gain) {
		int n = size * size;
		float[] gradient = gradientMagnitude(grey(p, size), size);
		for (int i = 0; i < n; i++) {
			float v = Math.max(0, 255 - gain * gradient[i]);
			p[i] = p[n + i] = p[2 * n + i] = v;
		}
	}

	private static float[] grey(float[] p, int size) {
		int n = size * size;
		float[] g = new float[n];
		for (int i = 0; i < n; i++) {
			g[i] = 0.299f * p[i] + 0.587f * p[n + i] + 0.114f * p[2 * n + i];
		}
		return g;
	}

	/** Sobel magnitude (divided by 4, so a step of h grey levels gives about h), zero on the border. */
	static float[] gradientMagnitude(float[] g, int size) {
		float[] m = new float[size * size];
		for (int y = 1; y < size - 1; y++) {
			for (int x = 1; x < size - 1; x++) {
				int i = y * size + x;
				float gx = (g[i - size + 1] + 2 * g[i + 1] + g[i + size + 1]) - (g[i - size - 1] + 2 * g[i - 1] + g[i + size - 1]);
				float gy = (g[i + size - 1] + 2 * g[i + size] + g[i + size + 1]) - (g[i - size - 1] + 2 * g[i - size] + g[i - size + 1]);
				m[i] = (float) Math.sqrt(gx * gx + gy * gy) / 4;
			}
		}
		return m;
	}

	/** One pass of a 5 x 5 bilateral filter: spatial sigma 2 px, range sigma {@code rangeSigma} grey levels (on colour distance). */
	static void bilateral5(float[] p, int size, float rangeSigma) {
		int n = size * size;
		float[] out = new float[p.length];
		float inv = -1f / (2 * rangeSigma * rangeSigma);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				int i = y * size + x;
				float r = 0, g = 0, b = 0, wsum = 0;
				for (int dy = -2; dy <= 2; dy++) {
					int yy = y + dy;
					if (yy < 0 || yy >= size) {
						continue;
					}
					for (int dx = -2; dx <= 2; dx++) {
						int xx = x + dx;
						if (xx < 0 || xx >= size) {
							continue;
						}
						int j = yy * size + xx;
						float dr = p[j] - p[i], dg = p[n + j] - p[n + i], db = p[2 * n + j] - p[2 * n + i];
						float w = (float) Math.exp((dx * dx + dy * dy) * -0.125f + (dr * dr + dg * dg + db * db) / 3 * inv);
						r += w * p[j];
						g += w * p[n + j];
						b += w * p[2 * n + j];
						wsum += w;
					}
				}
				out[i] = r / wsum;
				out[n + i] = g / wsum;
				out[2 * n + i] = b / wsum;
			}
		}
		System.arraycopy(out, 0, p, 0, p.length);
	}
}
