package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;

import java.util.List;

/**
 * The face boxes to give the landmark model for an image without user boxes: the detector's boxes, and
 * with two passes the tight boxes of a first landmark pass on them, which is the box convention the
 * landmark model was trained with. Owns its detector; not thread-safe (one network), one per thread.
 */
public final class FaceFinder implements AutoCloseable {
	private final FaceDetector detector;
	private final double scoreThreshold;
	private final double minFaceSize;
	private final TwoPassLandmarks twoPass;

	/**
	 * @param scoreThreshold 0 for the detector's own
	 * @param minFaceSize smallest face to find in image pixels; 0 for the detector's own input size
	 * @param twoPass null for the detector's boxes as they are
	 */
	public FaceFinder(FaceDetector detector, double scoreThreshold, double minFaceSize, TwoPassLandmarks twoPass) {
		this.detector = detector;
		this.scoreThreshold = scoreThreshold;
		this.minFaceSize = minFaceSize;
		this.twoPass = twoPass;
	}

	/**
	 * Face boxes numbered left to right (by the detector's boxes); empty when no face is found. Non-finite
	 * pixels ("no data") are seen as black here, by every caller (files, Fiji, ImgLib2 scripts); the landmark
	 * pass on the boxes then refuses a face whose crop reads one.
	 */
	public List<FaceBox> boxes(RgbImage image) {
		RgbImage seen = image.withNonFiniteReplaced(0);
		double threshold = scoreThreshold > 0 ? scoreThreshold : detector.modelPackage().spec().scoreThreshold();
		List<FaceBox> found = detector.detect(seen, threshold, minFaceSize);
		return twoPass == null || found.isEmpty() ? found : twoPass.refinedBoxes(seen, found);
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
