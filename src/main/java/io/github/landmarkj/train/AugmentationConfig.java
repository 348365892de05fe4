package io.github.landmarkj.train;

/** Strengths and probabilities of the training augmentations. */
public final class AugmentationConfig {
	public final double maxRotationDegrees;
	public final double scaleJitter;
	public final double shiftJitter;
	public final double flipProbability;
	public final double exaggerationProbability;
	public final double maxExaggeration;
	public final double occluderProbability;
	public final boolean photometric;

	public AugmentationConfig(double maxRotationDegrees, double scaleJitter, double shiftJitter, double flipProbability,
			double exaggerationProbability, double maxExaggeration, double occluderProbability, boolean photometric) {
		this.maxRotationDegrees = maxRotationDegrees;
		this.scaleJitter = scaleJitter;
		this.shiftJitter = shiftJitter;
		this.flipProbability = flipProbability;
		this.exaggerationProbability = exaggerationProbability;
		this.maxExaggeration = maxExaggeration;
		this.occluderProbability = occluderProbability;
		this.photometric = photometric;
	}

	/**
	 * Rotation up to ±30°, side ±10%, centre shifts up to 8% of the side (what a face detector's box
	 * wobble looks like), flips half the time, caricature warps 15% (factor up to 1.8), occluders 40%.
	 */
	public static AugmentationConfig standard() {
		return new AugmentationConfig(30, 0.10, 0.08, 0.5, 0.15, 1.8, 0.4, true);
	}

	/** Nothing random: validation crops. */
	public static AugmentationConfig none() {
		return new AugmentationConfig(0, 0, 0, 0, 0, 1, 0, false);
	}

	/** Validation crops with one synthetic occluder each: for the occlusion flag's precision and recall. */
	public static AugmentationConfig occludedOnly() {
		return new AugmentationConfig(0, 0, 0, 0, 0, 1, 1, false);
	}
}
