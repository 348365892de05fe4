package io.github.landmarkj.core;

/**
 * Everything the network said about one face: the result in image pixels, plus the raw heat maps and
 * the image-to-crop transform that places them back on the image (heat-map and occlusion layers).
 */
public final class FaceAnalysis {
	public final FaceResult result;
	public final Heatmaps heatmaps;
	public final SimilarityTransform imageToCrop;

	public FaceAnalysis(FaceResult result, Heatmaps heatmaps, SimilarityTransform imageToCrop) {
		this.result = result;
		this.heatmaps = heatmaps;
		this.imageToCrop = imageToCrop;
	}
}
