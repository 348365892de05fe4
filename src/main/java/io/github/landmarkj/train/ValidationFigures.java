package io.github.landmarkj.train;

/**
 * What validation measured after an epoch: mean NME(io) and, for networks over time, mean jitter
 * (frame-to-frame error change, also over the inter-ocular distance). NaN for a figure not measured.
 */
public record ValidationFigures(double nme, double jitter) {
	/** Nothing measured this epoch. */
	public static final ValidationFigures NONE = new ValidationFigures(Double.NaN, Double.NaN);

	/** NME only. */
	public static ValidationFigures nme(double nme) {
		return new ValidationFigures(nme, Double.NaN);
	}
}
