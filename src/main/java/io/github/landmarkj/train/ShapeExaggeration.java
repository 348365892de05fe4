package io.github.landmarkj.train;

import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;

import java.util.ArrayList;
import java.util.List;

/**
 * Caricature-like training faces: the points move away from the (similarity-aligned) mean shape by a
 * factor k > 1 and the image follows them through a thin-plate-spline warp. Anchors on the crop's
 * border stay fixed, so the background is not torn.
 */
public final class ShapeExaggeration {
	private static final int GRID_STEP = 4; // the spline is evaluated on a coarse grid and interpolated
	private final List<Point2> meanShape;

	/** @param meanShape the mean face in crop coordinates */
	public ShapeExaggeration(List<Point2> meanShape) {
		this.meanShape = new ArrayList<>(meanShape);
	}

	/** Result of one warp: the new crop and its points. */
	public static final class Warped {
		public final RgbImage image;
		public final List<Point2> points;

		Warped(RgbImage image, List<Point2> points) {
			this.image = image;
			this.points = points;
		}
	}

	/** The exaggerated target positions of {@code points} for factor {@code k}. */
	public List<Point2> exaggerate(List<Point2> points, double k) {
		List<Point2> aligned = alignMean(points);
		List<Point2> out = new ArrayList<>(points.size());
		for (int i = 0; i < points.size(); i++) {
			Point2 m = aligned.get(i), p = points.get(i);
			out.add(new Point2(m.x + k * (p.x - m.x), m.y + k * (p.y - m.y)));
		}
		return out;
	}

	public Warped apply(RgbImage crop, List<Point2> points, double k) {
		int w = crop.width(), h = crop.height();
		List<Point2> target = exaggerate(points, k);
		List<Point2> from = new ArrayList<>(target);
		List<Point2> to = new ArrayList<>(points);
		for (int i = 0; i <= 4; i++) {
			double t = i / 4.0;
			for (Point2 anchor : new Point2[] {new Point2(t * (w - 1), 0), new Point2(t * (w - 1), h - 1),
					new Point2(0, t * (h - 1)), new Point2(w - 1, t * (h - 1))}) {
				from.add(anchor);
				to.add(anchor);
			}
		}
		// Backward map: for each output pixel, where to read in the input.
		ThinPlateSpline outputToInput = new ThinPlateSpline(from, to);
		int gw = (w - 1) / GRID_STEP + 2, gh = (h - 1) / GRID_STEP + 2;
		double[] gx = new double[gw * gh], gy = new double[gw * gh];
		for (int j = 0; j < gh; j++) {
			for (int i = 0; i < gw; i++) {
				Point2 s = outputToInput.apply(i * GRID_STEP, j * GRID_STEP);
				gx[j * gw + i] = s.x;
				gy[j * gw + i] = s.y;
			}
		}
		float[] out = new float[3 * w * h];
		for (int y = 0; y < h; y++) {
			int j = y / GRID_STEP;
			double fy = (y - j * GRID_STEP) / (double) GRID_STEP;
			for (int x = 0; x < w; x++) {
				int i = x / GRID_STEP;
				double fx = (x - i * GRID_STEP) / (double) GRID_STEP;
				double sx = lerp2(gx, gw, i, j, fx, fy), sy = lerp2(gy, gw, i, j, fx, fy);
				for (int c = 0; c < 3; c++) {
					out[(c * h + y) * w + x] = crop.sample(c, sx, sy);
				}
			}
		}
		return new Warped(RgbImage.wrap(w, h, out), target);
	}

	private static double lerp2(double[] g, int gw, int i, int j, double fx, double fy) {
		double a = g[j * gw + i], b = g[j * gw + i + 1], c = g[(j + 1) * gw + i], d = g[(j + 1) * gw + i + 1];
		return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
	}

	/** The mean shape moved by the similarity that best fits it to {@code points} (least squares). */
	List<Point2> alignMean(List<Point2> points) {
		int n = points.size();
		double mx = 0, my = 0, px = 0, py = 0;
		for (int i = 0; i < n; i++) {
			mx += meanShape.get(i).x;
			my += meanShape.get(i).y;
			px += points.get(i).x;
			py += points.get(i).y;
		}
		mx /= n;
		my /= n;
		px /= n;
		py /= n;
		double norm = 0, sa = 0, sb = 0;
		for (int i = 0; i < n; i++) {
			double ax = meanShape.get(i).x - mx, ay = meanShape.get(i).y - my;
			double bx = points.get(i).x - px, by = points.get(i).y - py;
			norm += ax * ax + ay * ay;
			sa += ax * bx + ay * by;
			sb += ax * by - ay * bx;
		}
		double a = sa / norm, b = sb / norm;
		List<Point2> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			double ax = meanShape.get(i).x - mx, ay = meanShape.get(i).y - my;
			out.add(new Point2(a * ax - b * ay + px, b * ax + a * ay + py));
		}
		return out;
	}
}
