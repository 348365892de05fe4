package io.github.landmarkj.core;

import java.util.Locale;

/**
 * How {@link HeatmapDecoder} places a landmark between the heat-map pixels around a map's maximum. The
 * names are the values of {@code heatmaps.decoder} in {@code model.json}.
 */
public enum SubpixelMethod {
	/**
	 * Centre of gravity of the values above a tenth of the peak within the decoding radius of the
	 * maximum (LandmarkJ's decoder since 1.0; the default when {@code model.json} names none).
	 */
	CENTRE_OF_GRAVITY("centre_of_gravity"),
	/**
	 * Distribution-aware decoding (DARK, Zhang et al., CVPR 2020): the map is smoothed with a Gaussian of
	 * the training sigma (so that it looks like the Gaussian it was trained to be), its logarithm taken,
	 * and one Newton step of its second-order Taylor expansion taken from the maximum. Exact for a
	 * Gaussian, also at the map's border.
	 */
	DARK("dark"),
	/** One Newton step of the second-order Taylor expansion of the raw map at its maximum (no logarithm). */
	TAYLOR("taylor");

	private final String key;

	SubpixelMethod(String key) {
		this.key = key;
	}

	/** The name in {@code model.json} and on command lines. */
	public String key() {
		return key;
	}

	/** @throws IllegalArgumentException naming the known methods */
	public static SubpixelMethod parse(String key) {
		String k = key.trim().toLowerCase(Locale.ROOT);
		for (SubpixelMethod m : values()) {
			if (m.key.equals(k)) {
				return m;
			}
		}
		throw new IllegalArgumentException("Unknown heat-map decoder '" + key + "': use centre_of_gravity, dark or taylor");
	}
}
