package io.github.landmarkj.eval;

import java.util.Arrays;

/**
 * The cumulative error distribution CED(e) of per-face errors (the fraction of faces with an error at
 * most e) from 0 to a largest error: the step curve's vertices for a plot, its area and the failure
 * rate at that error. Data only; {@code ij/CedPlot} draws it. Immutable.
 * <p>
 * The area is exact for the step function: AUC = sum over faces with e_k &lt;= max of (max - e_k),
 * divided by n max (tools that sample the curve on a grid or interpolate between steps differ slightly).
 */
public final class CedCurve {
	private final double[] errors;
	private final double maxError;

	/**
	 * @param errors per-face errors (e.g. NME(io)), at least one
	 * @param maxError the end of the curve: the AUC and failure-rate threshold, positive
	 */
	public CedCurve(double[] errors, double maxError) {
		if (!(maxError > 0)) {
			throw new IllegalArgumentException("The AUC threshold must be positive, got " + maxError);
		}
		if (errors.length == 0) {
			throw new IllegalArgumentException("A CED curve needs at least one face's error");
		}
		this.errors = errors.clone();
		this.maxError = maxError;
	}

	public double maxError() {
		return maxError;
	}

	public int faces() {
		return errors.length;
	}

	/** Area under the curve from 0 to {@link #maxError()}, divided by it: in [0, 1]. */
	public double auc() {
		double area = 0;
		for (double e : errors) {
			if (e <= maxError) {
				area += maxError - e;
			}
		}
		return area / (errors.length * maxError);
	}

	/** Fraction of faces whose error exceeds {@link #maxError()}. */
	public double failureRate() {
		int failures = 0;
		for (double e : errors) {
			if (e > maxError) {
				failures++;
			}
		}
		return failures / (double) errors.length;
	}

	/** The x of the curve's vertices: from 0, two per error up to {@link #maxError()}, ending at it. */
	public double[] x() {
		return vertices(true);
	}

	/** The y (fraction of faces) of the curve's vertices, beside {@link #x()}. */
	public double[] y() {
		return vertices(false);
	}

	/** (0, 0), then at each error e_k (ascending) a rise from k/n to (k+1)/n, then flat to the largest error. */
	private double[] vertices(boolean xs) {
		double[] sorted = errors.clone();
		Arrays.sort(sorted);
		int n = sorted.length, below = 0;
		while (below < n && sorted[below] <= maxError) {
			below++;
		}
		double[] v = new double[2 * below + 2];
		for (int k = 0; k < below; k++) {
			double x = Math.max(0, sorted[k]);
			v[1 + 2 * k] = xs ? x : k / (double) n;
			v[2 + 2 * k] = xs ? x : (k + 1) / (double) n;
		}
		v[v.length - 1] = xs ? maxError : below / (double) n;
		return v;
	}
}
