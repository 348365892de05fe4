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
	private final TwoPassLandmarks twoPass;

	/**
	 * @param scoreThreshold 0 for the detector's own
	 * @param twoPass null for the detector's boxes as they are
	 */
	public FaceFinder(FaceDetector detector, double scoreThreshold, TwoPassLandmarks twoPass) {
		this.detector = detector;
		this.scoreThreshold = scoreThreshold;
		this.twoPass = twoPass;
	}

	/** Face boxes numbered left to right (by the detector's boxes); empty when no face is found. */
	public List<FaceBox> boxes(RgbImage image) {
		List<FaceBox> found = scoreThreshold > 0 ? detector.detect(image, scoreThreshold) : detector.detect(image);
		return twoPass == null || found.isEmpty() ? found : twoPass.refinedBoxes(image, found);
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
