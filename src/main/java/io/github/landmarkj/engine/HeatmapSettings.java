package io.github.landmarkj.engine;

import io.github.landmarkj.core.HeatmapDecoder;
import io.github.landmarkj.core.SubpixelMethod;

import java.util.Objects;

/**
 * How a landmark model's heat maps are made in training (Gaussian sigma, in heat-map pixels) and read
 * back (sub-pixel method and window radius around the peak, occlusion threshold on the occlusion grid).
 */
public final class HeatmapSettings {
	public final double sigma;
	public final int decodeRadius;
	public final double occlusionThreshold;
	/** {@code heatmaps.decoder} in {@code model.json}; absent means centre of gravity (every model before 2.0). */
	public final SubpixelMethod subpixelMethod;

	/** Centre-of-gravity decoding. */
	public HeatmapSettings(double sigma, int decodeRadius, double occlusionThreshold) {
		this(sigma, decodeRadius, occlusionThreshold, SubpixelMethod.CENTRE_OF_GRAVITY);
	}

	public HeatmapSettings(double sigma, int decodeRadius, double occlusionThreshold, SubpixelMethod subpixelMethod) {
		if (!(sigma > 0) || decodeRadius < 1 || !(occlusionThreshold >= 0 && occlusionThreshold <= 1)) {
			throw new IllegalArgumentException("Heat maps need sigma > 0, decode_radius >= 1 and an occlusion threshold in [0, 1]");
		}
		this.sigma = sigma;
		this.decodeRadius = decodeRadius;
		this.occlusionThreshold = occlusionThreshold;
		this.subpixelMethod = Objects.requireNonNull(subpixelMethod, "subpixelMethod");
	}

	/** The same settings decoded another way. */
	public HeatmapSettings withSubpixelMethod(SubpixelMethod method) {
		return new HeatmapSettings(sigma, decodeRadius, occlusionThreshold, method);
	}

	public HeatmapDecoder decoder() {
		return new HeatmapDecoder(subpixelMethod, decodeRadius, sigma, occlusionThreshold);
	}
}
