package io.github.landmarkj.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns heat maps into landmarks: the maximum of each map, placed between pixels by a
 * {@link SubpixelMethod}, then the confidence and the occluded flag.
 * <ul>
 * <li>{@link SubpixelMethod#CENTRE_OF_GRAVITY} (when {@code model.json} names no decoder): the centre of gravity of the map in a window
 * around its peak, with the values first lowered by a tenth of the peak: without that floor the window's
 * edge pulls the estimate towards the peak pixel (bias up to 0.06 px for sigma 1.5), with it the worst
 * error on sampled Gaussians is below 0.01 px.</li>
 * <li>{@link SubpixelMethod#DARK} and {@link SubpixelMethod#TAYLOR}: one Newton step of a second-order
 * Taylor expansion at the maximum, of the log of the Gaussian-smoothed map (DARK; the raw map's log within
 * the smoothing's reach of the edge, where smoothing would see one side of the peak) or of the raw map. The
 * derivatives are central differences on the 3 x 3 pixels around the maximum, moved inside the map when
 * the maximum is on its edge (for a quadratic, as the log of a Gaussian is, the step lands on the same
 * point from any expansion centre). The step is kept within one pixel of the maximum (so a point just
 * beyond the map's edge can be placed there); where the map is not curved like a peak there (no maximum
 * of the expansion), the maximum pixel itself is the position.</li>
 * </ul>
 * Confidence = peak height (clamped to [0,1], training targets peak at 1) times the share of the map's
 * positive mass inside the window of {@code radius} around the maximum, so that a low or spread-out or
 * two-peaked response scores low; it does not depend on the method.
 */
public final class HeatmapDecoder {
	/** Values below this share of the peak do not count in the centre of gravity. */
	public static final double DEFAULT_FLOOR = 0.1;
	/** Below this, the log of a smoothed map is taken of this value instead (maps can be 0 or negative). */
	private static final double LOG_FLOOR = 1e-10;

	private final SubpixelMethod method;
	private final int radius;
	private final double floorFraction;
	private final double occlusionThreshold;
	/** DARK's smoothing kernel, one axis: exp(-d^2 / 2 sigma^2) for d = -reach .. reach, reach = ceil(3 sigma). */
	private final double[] kernel;

	/**
	 * The centre-of-gravity decoder.
	 *
	 * @param radius window radius in heat-map pixels (about twice the training sigma)
	 * @param occlusionThreshold a point is flagged occluded where the occlusion grid under it is above this
	 */
	public HeatmapDecoder(int radius, double occlusionThreshold) {
		this(SubpixelMethod.CENTRE_OF_GRAVITY, radius, DEFAULT_FLOOR, 1, occlusionThreshold);
	}

	/**
	 * @param method how the position is placed between pixels
	 * @param radius window radius in heat-map pixels: the centre of gravity's window and the confidence's
	 * @param sigma the training targets' Gaussian sigma in heat-map pixels (DARK smooths with it)
	 * @param occlusionThreshold a point is flagged occluded where the occlusion grid under it is above this
	 */
	public HeatmapDecoder(SubpixelMethod method, int radius, double sigma, double occlusionThreshold) {
		this(method, radius, DEFAULT_FLOOR, sigma, occlusionThreshold);
	}

	/** @param floorFraction share of the peak below which values do not count in the centre of gravity */
	public HeatmapDecoder(SubpixelMethod method, int radius, double floorFraction, double sigma, double occlusionThreshold) {
		if (radius < 1 || !(floorFraction >= 0 && floorFraction < 1) || !(sigma > 0)) {
			throw new IllegalArgumentException("A heat-map decoder needs radius >= 1, floor in [0, 1) and sigma > 0; got "
					+ radius + ", " + floorFraction + ", " + sigma);
		}
		this.method = Objects.requireNonNull(method, "method");
		this.radius = radius;
		this.floorFraction = floorFraction;
		this.occlusionThreshold = occlusionThreshold;
		int reach = (int) Math.ceil(3 * sigma);
		this.kernel = new double[2 * reach + 1];
		for (int d = -reach; d <= reach; d++) {
			kernel[d + reach] = Math.exp(-d * d / (2 * sigma * sigma));
		}
	}

	public SubpixelMethod method() {
		return method;
	}

	/** Landmarks in crop pixel coordinates. */
	public Landmarks decode(Heatmaps h) {
		List<Point2> points = new ArrayList<>(h.count);
		double[] confidence = new double[h.count];
		boolean[] occluded = new boolean[h.count];
		for (int m = 0; m < h.count; m++) {
			double[] uvc = peakCentre(h, m);
			Point2 p = new Point2(h.toCrop(uvc[0]), h.toCrop(uvc[1]));
			points.add(p);
			confidence[m] = uvc[2];
			occluded[m] = h.occlusionAt(p.x, p.y) > occlusionThreshold;
		}
		return new Landmarks(points, confidence, occluded);
	}

	/** {u, v, confidence} of map m in heat-map coordinates. */
	double[] peakCentre(Heatmaps h, int m) {
		int n = h.size;
		int pu = 0, pv = 0;
		float peak = Float.NEGATIVE_INFINITY;
		double positiveMass = 0;
		for (int v = 0; v < n; v++) {
			for (int u = 0; u < n; u++) {
				float value = h.value(m, u, v);
				if (value > peak) {
					peak = value;
					pu = u;
					pv = v;
				}
				if (value > 0) {
					positiveMass += value;
				}
			}
		}
		if (!(peak > 0)) {
			return new double[] {pu, pv, 0};
		}
		double windowMass = 0;
		for (int v = Math.max(0, pv - radius); v <= Math.min(n - 1, pv + radius); v++) {
			for (int u = Math.max(0, pu - radius); u <= Math.min(n - 1, pu + radius); u++) {
				windowMass += Math.max(0, h.value(m, u, v));
			}
		}
		double confidence = Math.max(0, Math.min(1, Math.min(1.0, peak) * (windowMass / positiveMass)));
		double[] uv = switch (method) {
			case CENTRE_OF_GRAVITY -> centreOfGravity(h, m, pu, pv, peak);
			case DARK -> newtonStep(h, m, pu, pv, true);
			case TAYLOR -> newtonStep(h, m, pu, pv, false);
		};
		return new double[] {uv[0], uv[1], confidence};
	}

	private double[] centreOfGravity(Heatmaps h, int m, int pu, int pv, float peak) {
		int n = h.size;
		double floor = floorFraction * peak;
		double sw = 0, su = 0, sv = 0;
		for (int v = Math.max(0, pv - radius); v <= Math.min(n - 1, pv + radius); v++) {
			for (int u = Math.max(0, pu - radius); u <= Math.min(n - 1, pu + radius); u++) {
				double w = h.value(m, u, v) - floor;
				if (w > 0) {
					sw += w;
					su += w * u;
					sv += w * v;
				}
			}
		}
		return new double[] {su / sw, sv / sw};
	}

	/**
	 * The maximum of the second-order Taylor expansion of f = log(smoothed map) (DARK) or f = map, around
	 * the pixel nearest (pu, pv) that has a neighbour on every side.
	 */
	private double[] newtonStep(Heatmaps h, int m, int pu, int pv, boolean logOfSmoothed) {
		int n = h.size;
		if (n < 3) {
			return new double[] {pu, pv};
		}
		int cu = Math.max(1, Math.min(n - 2, pu)), cv = Math.max(1, Math.min(n - 2, pv));
		int reach = smoothingReach();
		// Near the edge, smoothing would see one side of the peak only and shift it; the raw map's log is
		// still exact for a Gaussian there.
		boolean smooth = cu - 1 - reach >= 0 && cu + 1 + reach <= n - 1 && cv - 1 - reach >= 0 && cv + 1 + reach <= n - 1;
		double[][] f = new double[3][3];
		for (int dv = -1; dv <= 1; dv++) {
			for (int du = -1; du <= 1; du++) {
				int u = cu + du, v = cv + dv;
				f[dv + 1][du + 1] = !logOfSmoothed ? h.value(m, u, v)
						: Math.log(Math.max(LOG_FLOOR, smooth ? smoothed(h, m, u, v) : h.value(m, u, v)));
			}
		}
		double gu = (f[1][2] - f[1][0]) / 2, gv = (f[2][1] - f[0][1]) / 2;
		double huu = f[1][2] - 2 * f[1][1] + f[1][0];
		double hvv = f[2][1] - 2 * f[1][1] + f[0][1];
		double huv = (f[2][2] - f[2][0] - f[0][2] + f[0][0]) / 4;
		double det = huu * hvv - huv * huv;
		if (!(huu < 0 && det > 0)) {
			return new double[] {pu, pv};
		}
		// x = c - H^-1 g
		double u = cu - (hvv * gu - huv * gv) / det;
		double v = cv - (huu * gv - huv * gu) / det;
		return new double[] {clamp(u, pu - 1, pu + 1), clamp(v, pv - 1, pv + 1)};
	}

	private static double clamp(double x, double lo, double hi) {
		return Math.max(lo, Math.min(hi, x));
	}

	private int smoothingReach() {
		return kernel.length / 2;
	}

	/** The map at (u, v) smoothed by a Gaussian of the training sigma; (u, v) is at least the kernel's reach inside the map. */
	private double smoothed(Heatmaps h, int m, int u, int v) {
		int reach = smoothingReach();
		double sum = 0, weight = 0;
		for (int dy = -reach; dy <= reach; dy++) {
			double wy = kernel[dy + reach];
			for (int dx = -reach; dx <= reach; dx++) {
				double w = wy * kernel[dx + reach];
				sum += w * h.value(m, u + dx, v + dy);
				weight += w;
			}
		}
		return sum / weight;
	}
}
