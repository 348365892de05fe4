package io.github.landmarkj.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Pre-processing of a landmark network: each face box becomes the model's square crop (by its crop
 * rule) normalised by the model's statistics, with the transform kept for the way back.
 */
public record FaceCropper(CropRule cropRule, InputNormalisation normalisation) {

	public FaceCrop crop(RgbImage image, FaceBox box) {
		int s = cropRule.inputSize;
		SimilarityTransform t = cropRule.transformFor(box);
		float[] input = new float[3 * s * s];
		normalisation.apply(image.warp(t, s, s).toPlanarArray(), input, 0);
		return new FaceCrop(box, t, input);
	}

	/** Crops in the order of the boxes. */
	public List<FaceCrop> crops(RgbImage image, List<FaceBox> boxes) {
		List<FaceCrop> out = new ArrayList<>(boxes.size());
		for (FaceBox box : boxes) {
			out.add(crop(image, box));
		}
		return out;
	}
}
