package io.github.landmarkj.core;

/**
 * Everything the network said about one face: the result in image pixels, plus the raw heat maps and
 * the image-to-crop transform that places them back on the image (heat-map and occlusion layers).
 */
public record FaceAnalysis(FaceResult result, Heatmaps heatmaps, SimilarityTransform imageToCrop) {
}
