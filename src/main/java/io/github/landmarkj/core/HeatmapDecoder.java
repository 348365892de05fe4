package io.github.landmarkj.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns heat maps into landmarks. The position is the centre of gravity of the heat map in a window
 * around its peak, with the values first lowered by a tenth of the peak: without that floor the
 * window's edge pulls the estimate towards the peak pixel (bias up to 0.06 px for sigma 1.5), with it
 * the worst error on sampled Gaussians is below 0.01 px.
 * Confidence = peak height (clamped to [0,1], training targets peak at 1) times the share of the map's
 * positive mass inside the window, so that a low or spread-out or two-peaked response scores low.
 */
public final class HeatmapDecoder {
	private final int radius;
	private final double floorFraction;
	private final double occlusionThreshold;

	/**
	 * @param radius window radius in heat-map pixels (about twice the training sigma)
	 * @param occlusionThreshold a point is flagged occluded where the occlusion grid under it is above this
	 */
	public HeatmapDecoder(int radius, double occlusionThreshold) {
		this(radius, 0.1, occlusionThreshold);
	}

	HeatmapDecoder(int radius, double floorFraction, double occlusionThreshold) {
		this.radius = radius;
		this.floorFraction = floorFraction;
		this.occlusionThreshold = occlusionThreshold;
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
		double floor = floorFraction * peak;
		double sw = 0, su = 0, sv = 0, windowMass = 0;
		for (int v = Math.max(0, pv - radius); v <= Math.min(n - 1, pv + radius); v++) {
			for (int u = Math.max(0, pu - radius); u <= Math.min(n - 1, pu + radius); u++) {
				float value = h.value(m, u, v);
				if (value > 0) {
					windowMass += value;
				}
				double w = value - floor;
				if (w > 0) {
					sw += w;
					su += w * u;
					sv += w * v;
				}
			}
		}
		double confidence = Math.min(1.0, peak) * (windowMass / positiveMass);
		return new double[] {su / sw, sv / sw, Math.max(0, Math.min(1, confidence))};
	}
}
