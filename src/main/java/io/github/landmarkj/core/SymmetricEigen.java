package io.github.landmarkj.core;

/**
 * Eigenvalues and eigenvectors of a small real symmetric matrix by cyclic Jacobi rotations: exact to
 * rounding, no dependencies, fine up to a few hundred rows. Eigenvalues come sorted from largest to
 * smallest; {@code vector(k)} is the unit eigenvector of {@code value(k)}.
 */
public final class SymmetricEigen {
	private final double[] values;
	private final double[][] vectors; // vectors[k] = k-th eigenvector

	public SymmetricEigen(double[][] symmetric) {
		int n = symmetric.length;
		double[][] a = new double[n][];
		for (int i = 0; i < n; i++) {
			if (symmetric[i].length != n) {
				throw new IllegalArgumentException("Matrix must be square");
			}
			a[i] = symmetric[i].clone();
		}
		double[][] v = new double[n][n];
		for (int i = 0; i < n; i++) {
			v[i][i] = 1;
		}
		for (int sweep = 0; sweep < 100; sweep++) {
			double off = 0, total = 0;
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) {
					total += a[i][j] * a[i][j];
					if (i != j) {
						off += a[i][j] * a[i][j];
					}
				}
			}
			if (off <= 1e-30 * Math.max(total, 1e-300)) {
				break;
			}
			for (int p = 0; p < n - 1; p++) {
				for (int q = p + 1; q < n; q++) {
					if (a[p][q] == 0) {
						continue;
					}
					double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
					double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
					if (theta == 0) {
						t = 1;
					}
					double c = 1 / Math.sqrt(t * t + 1), s = t * c;
					for (int k = 0; k < n; k++) {
						double akp = a[k][p], akq = a[k][q];
						a[k][p] = c * akp - s * akq;
						a[k][q] = s * akp + c * akq;
					}
					for (int k = 0; k < n; k++) {
						double apk = a[p][k], aqk = a[q][k];
						a[p][k] = c * apk - s * aqk;
						a[q][k] = s * apk + c * aqk;
					}
					for (int k = 0; k < n; k++) {
						double vkp = v[k][p], vkq = v[k][q];
						v[k][p] = c * vkp - s * vkq;
						v[k][q] = s * vkp + c * vkq;
					}
				}
			}
		}
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
		values = new double[n];
		vectors = new double[n][n];
		for (int k = 0; k < n; k++) {
			values[k] = a[order[k]][order[k]];
			for (int i = 0; i < n; i++) {
				vectors[k][i] = v[i][order[k]];
			}
		}
	}

	public int size() {
		return values.length;
	}

	/** The k-th largest eigenvalue. */
	public double value(int k) {
		return values[k];
	}

	/** A copy of the unit eigenvector of {@link #value(int) value(k)}. */
	public double[] vector(int k) {
		return vectors[k].clone();
	}
}
