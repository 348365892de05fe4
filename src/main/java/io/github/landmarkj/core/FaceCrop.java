package io.github.landmarkj.core;

/**
 * One face made ready for a network: its box, the image-to-crop transform (kept to map the answer back
 * to the image) and the normalised crop, planar 3 x S x S.
 */
public final class FaceCrop {
	public final FaceBox box;
	public final SimilarityTransform imageToCrop;
	private final float[] input;

	public FaceCrop(FaceBox box, SimilarityTransform imageToCrop, float[] input) {
		this.box = box;
		this.imageToCrop = imageToCrop;
		this.input = input.clone();
	}

	/** The normalised crop (a copy). */
	public float[] input() {
		return input.clone();
	}
}
