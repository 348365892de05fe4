package io.github.landmarkj.train;

import io.github.landmarkj.core.Point2;

import java.util.List;

/**
 * Renders the Gaussian heat-map targets (peak 1) for points given in crop pixels: maps of
 * {@code size x size} cells, each {@code stride} crop pixels, Gaussians of {@code sigma} cells.
 */
public record HeatmapTargets(int size, int stride, double sigma) {

	/** M x size x size, row-major; a point outside the map gives the tail of its Gaussian or nothing. */
	public float[] render(List<Point2> cropPoints) {
		float[] out = new float[cropPoints.size() * size * size];
		double twoSigmaSq = 2 * sigma * sigma;
		int reach = (int) Math.ceil(3 * sigma);
		for (int m = 0; m < cropPoints.size(); m++) {
			Point2 p = cropPoints.get(m);
			double cu = (p.x - (stride - 1) / 2.0) / stride;
			double cv = (p.y - (stride - 1) / 2.0) / stride;
			int u0 = Math.max(0, (int) Math.floor(cu) - reach), u1 = Math.min(size - 1, (int) Math.ceil(cu) + reach);
			int v0 = Math.max(0, (int) Math.floor(cv) - reach), v1 = Math.min(size - 1, (int) Math.ceil(cv) + reach);
			int base = m * size * size;
			for (int v = v0; v <= v1; v++) {
				for (int u = u0; u <= u1; u++) {
					double d2 = (u - cu) * (u - cu) + (v - cv) * (v - cv);
					out[base + v * size + u] = (float) Math.exp(-d2 / twoSigmaSq);
				}
			}
		}
		return out;
	}

	/** Fraction of each {@code cell x cell} block of a crop-sized mask that is covered. */
	public static float[] coverageGrid(float[] mask, int cropSize, int cell) {
		int g = cropSize / cell;
		float[] out = new float[g * g];
		for (int y = 0; y < g * cell; y++) {
			for (int x = 0; x < g * cell; x++) {
				out[(y / cell) * g + x / cell] += mask[y * cropSize + x];
			}
		}
		float area = cell * cell;
		for (int i = 0; i < out.length; i++) {
			out[i] /= area;
		}
		return out;
	}
}
