package io.github.landmarkj.core;

/**
 * How a face box becomes the model's input: a square of side {@code scale * max(width, height)}
 * centred on the box, resampled to {@code inputSize x inputSize}. Training and inference share this
 * rule, so a box that is the tight box of the face's landmarks gives the crop the model was trained on.
 */
public final class CropRule {
	public final int inputSize;
	public final double scale;

	public CropRule(int inputSize, double scale) {
		if (inputSize <= 0 || !(scale > 0)) {
			throw new IllegalArgumentException("Crop rule needs a positive input size and scale");
		}
		this.inputSize = inputSize;
		this.scale = scale;
	}

	/** The image-to-crop transform for a box (no rotation). */
	public SimilarityTransform transformFor(FaceBox box) {
		return transformFor(box, 0);
	}

	/** The image-to-crop transform for a box whose face is rolled by {@code rollRadians}. */
	public SimilarityTransform transformFor(FaceBox box, double rollRadians) {
		double side = scale * Math.max(box.width, box.height);
		return SimilarityTransform.squareToOutput(box.centerX(), box.centerY(), side, rollRadians, inputSize);
	}
}
