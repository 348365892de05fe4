package io.github.landmarkj.train;

import io.github.landmarkj.core.Point2;

import java.util.List;

/**
 * A 2-D thin-plate spline interpolating a map from control points {@code from} to {@code to}:
 * f(p) = a0 + a1 x + a2 y + sum_i w_i U(|p - from_i|), U(r) = r^2 log r^2.
 */
final class ThinPlateSpline {
	private final double[] cx;
	private final double[] cy;
	private final double[] wx;
	private final double[] wy;

	ThinPlateSpline(List<Point2> from, List<Point2> to) {
		int n = from.size();
		int dim = n + 3;
		double[][] a = new double[dim][dim];
		double[] bx = new double[dim];
		double[] by = new double[dim];
		cx = new double[n];
		cy = new double[n];
		for (int i = 0; i < n; i++) {
			cx[i] = from.get(i).x;
			cy[i] = from.get(i).y;
		}
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				a[i][j] = kernel(cx[i] - cx[j], cy[i] - cy[j]);
			}
			a[i][i] += 1e-6; // keeps the system solvable when two control points coincide
			a[i][n] = a[n][i] = 1;
			a[i][n + 1] = a[n + 1][i] = cx[i];
			a[i][n + 2] = a[n + 2][i] = cy[i];
			bx[i] = to.get(i).x;
			by[i] = to.get(i).y;
		}
		double[][] copy = new double[dim][];
		for (int i = 0; i < dim; i++) {
			copy[i] = a[i].clone();
		}
		wx = solve(a, bx);
		wy = solve(copy, by);
	}

	private static double kernel(double dx, double dy) {
		double r2 = dx * dx + dy * dy;
		return r2 < 1e-12 ? 0 : r2 * Math.log(r2);
	}

	Point2 apply(double x, double y) {
		int n = cx.length;
		double fx = wx[n] + wx[n + 1] * x + wx[n + 2] * y;
		double fy = wy[n] + wy[n + 1] * x + wy[n + 2] * y;
		for (int i = 0; i < n; i++) {
			double k = kernel(x - cx[i], y - cy[i]);
			fx += wx[i] * k;
			fy += wy[i] * k;
		}
		return new Point2(fx, fy);
	}

	/** Gaussian elimination with partial pivoting; overwrites {@code a}. */
	private static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		double[] x = b.clone();
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int r = col + 1; r < n; r++) {
				if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
					pivot = r;
				}
			}
			double[] t = a[col];
			a[col] = a[pivot];
			a[pivot] = t;
			double tv = x[col];
			x[col] = x[pivot];
			x[pivot] = tv;
			for (int r = col + 1; r < n; r++) {
				double f = a[r][col] / a[col][col];
				if (f != 0) {
					for (int c = col; c < n; c++) {
						a[r][c] -= f * a[col][c];
					}
					x[r] -= f * x[col];
				}
			}
		}
		for (int r = n - 1; r >= 0; r--) {
			double s = x[r];
			for (int c = r + 1; c < n; c++) {
				s -= a[r][c] * x[c];
			}
			x[r] = s / a[r][r];
		}
		return x;
	}
}
