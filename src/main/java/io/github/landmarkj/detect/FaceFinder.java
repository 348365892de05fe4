package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;

import java.util.List;

/**
 * The face boxes to give the landmark model for an image without user boxes: the detector's boxes, and
 * with refinement ({@link BoxRefinement}) the tight boxes of landmark passes on them, which is the box
 * convention the landmark model was trained with. Owns its detector; not thread-safe (one network), one per thread.
 */
public final class FaceFinder implements AutoCloseable {
	private final FaceDetector detector;
	private final double scoreThreshold;
	private final double minFaceSize;
	private final BoxRefinement refinement;

	/**
	 * @param scoreThreshold 0 for the detector's own
	 * @param minFaceSize smallest face to find in image pixels; 0 for the detector's own input size
	 * @param refinement null for the detector's boxes as they are
	 */
	public FaceFinder(FaceDetector detector, double scoreThreshold, double minFaceSize, BoxRefinement refinement) {
		this.detector = detector;
		this.scoreThreshold = scoreThreshold;
		this.minFaceSize = minFaceSize;
		this.refinement = refinement;
	}

	/** Face boxes numbered left to right (by the detector's boxes); empty when no face is found. */
	public List<FaceBox> boxes(RgbImage image) {
		double threshold = scoreThreshold > 0 ? scoreThreshold : detector.modelPackage().spec().scoreThreshold();
		List<FaceBox> found = detector.detect(image, threshold, minFaceSize);
		return refinement == null || found.isEmpty() ? found : refinement.refinedBoxes(image, found);
	}

	/** "bundled:face-detector" or a folder. */
	public String origin() {
		return detector.origin();
	}

	@Override
	public void close() {
		detector.close();
	}
}
