package io.github.landmarkj.engine;

import io.github.landmarkj.core.HeatmapDecoder;

/**
 * How a landmark model's heat maps are made in training (Gaussian sigma, in heat-map pixels) and read
 * back (decoding radius around the peak, occlusion threshold on the occlusion grid).
 */
public final class HeatmapSettings {
	public final double sigma;
	public final int decodeRadius;
	public final double occlusionThreshold;

	public HeatmapSettings(double sigma, int decodeRadius, double occlusionThreshold) {
		if (!(sigma > 0) || decodeRadius < 1 || !(occlusionThreshold >= 0 && occlusionThreshold <= 1)) {
			throw new IllegalArgumentException("Heat maps need sigma > 0, decode_radius >= 1 and an occlusion threshold in [0, 1]");
		}
		this.sigma = sigma;
		this.decodeRadius = decodeRadius;
		this.occlusionThreshold = occlusionThreshold;
	}

	public HeatmapDecoder decoder() {
		return new HeatmapDecoder(decodeRadius, occlusionThreshold);
	}
}
