package io.github.landmarkj.train;

/** Strengths and probabilities of the training augmentations; built by {@link #builder()}, from nothing random. */
public final class AugmentationConfig {
	public final double maxRotationDegrees;
	public final double scaleJitter;
	public final double shiftJitter;
	public final double flipProbability;
	public final double exaggerationProbability;
	public final double maxExaggeration;
	public final double occluderProbability;
	public final boolean photometric;
	public final double drawingStyleProbability;

	private AugmentationConfig(Builder b) {
		this.maxRotationDegrees = b.maxRotationDegrees;
		this.scaleJitter = b.scaleJitter;
		this.shiftJitter = b.shiftJitter;
		this.flipProbability = b.flipProbability;
		this.exaggerationProbability = b.exaggerationProbability;
		this.maxExaggeration = b.maxExaggeration;
		this.occluderProbability = b.occluderProbability;
		this.photometric = b.photometric;
		this.drawingStyleProbability = b.drawingStyleProbability;
	}

	/** The same augmentations with drawing styles at {@code probability}. */
	public AugmentationConfig withDrawingStyles(double probability) {
		Builder b = builder().maxRotationDegrees(maxRotationDegrees).scaleJitter(scaleJitter).shiftJitter(shiftJitter)
				.flipProbability(flipProbability).caricatures(exaggerationProbability, maxExaggeration)
				.occluderProbability(occluderProbability).photometric(photometric);
		return b.drawingStyles(probability).build();
	}

	/** A builder that starts from {@link #none()}. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Rotation up to ±30°, side ±10%, centre shifts up to 8% of the side (what a face detector's box
	 * wobble looks like), flips half the time, caricature warps 15% (factor up to 1.8), occluders 40%,
	 * drawing styles 10% (face68 2.0; 1.x was trained without them).
	 */
	public static AugmentationConfig standard() {
		return builder().maxRotationDegrees(30).scaleJitter(0.10).shiftJitter(0.08).flipProbability(0.5).caricatures(0.15, 1.8)
				.occluderProbability(0.4).photometric(true).drawingStyles(0.1).build();
	}

	/** Nothing random: validation crops. */
	public static AugmentationConfig none() {
		return builder().build();
	}

	/** Validation crops with one synthetic occluder each: for the occlusion flag's precision and recall. */
	public static AugmentationConfig occludedOnly() {
		return builder().occluderProbability(1).build();
	}

	/** Names each augmentation; starts with none of them. */
	public static final class Builder {
		private double maxRotationDegrees;
		private double scaleJitter;
		private double shiftJitter;
		private double flipProbability;
		private double exaggerationProbability;
		private double maxExaggeration = 1;
		private double occluderProbability;
		private boolean photometric;
		private double drawingStyleProbability;

		private Builder() {
		}

		/** Rotation drawn in ±degrees. */
		public Builder maxRotationDegrees(double degrees) {
			this.maxRotationDegrees = degrees;
			return this;
		}

		/** Side of the crop scaled by up to ±this fraction. */
		public Builder scaleJitter(double fraction) {
			this.scaleJitter = fraction;
			return this;
		}

		/** Centre shifted by up to this fraction of the side. */
		public Builder shiftJitter(double fraction) {
			this.shiftJitter = fraction;
			return this;
		}

		/** Mirrored (points swapped by the scheme's mirror permutation) with this probability. */
		public Builder flipProbability(double probability) {
			this.flipProbability = probability;
			return this;
		}

		/** Caricature warps with this probability, exaggerating the face's shape by a factor up to {@code maxFactor}. */
		public Builder caricatures(double probability, double maxFactor) {
			this.exaggerationProbability = probability;
			this.maxExaggeration = maxFactor;
			return this;
		}

		/** A synthetic occluder pasted over the face with this probability. */
		public Builder occluderProbability(double probability) {
			this.occluderProbability = probability;
			return this;
		}

		/** Colour jitter, greyscale, blur, noise and JPEG artefacts ({@link Photometric}). */
		public Builder photometric(boolean on) {
			this.photometric = on;
			return this;
		}

		/** Poster, cartoon or pencil-sketch rendering of the crop ({@link DrawingStyle}) with this probability. */
		public Builder drawingStyles(double probability) {
			this.drawingStyleProbability = probability;
			return this;
		}

		public AugmentationConfig build() {
			return new AugmentationConfig(this);
		}
	}
}
