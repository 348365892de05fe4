package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.engine.LandmarkDetector;

import java.io.IOException;

/**
 * How faces are found where no box is given: which face detector, its score threshold, and whether a
 * first landmark pass refines the detector's boxes. Immutable, so that each worker thread can open its
 * own {@link FaceFinder} from the same settings.
 */
public final class DetectorSettings {
	public final String detector;
	/** 0: the detector's own threshold (model.json). */
	public final double scoreThreshold;
	public final boolean twoPass;
	/** The smallest face to find, image pixels; 0: the detector's own input size (see {@link DetectorInput}). */
	public final double minFaceSize;

	/**
	 * @param detector a bundled detector's name ({@value DetectorKind#BUNDLED_NAME}) or a detector folder
	 * @param scoreThreshold in [0, 1); 0 for the detector's own
	 */
	public DetectorSettings(String detector, double scoreThreshold, boolean twoPass) {
		this(detector, scoreThreshold, twoPass, 0);
	}

	/**
	 * @param minFaceSize the smallest face to find, in image pixels (a larger detector input); 0 for the
	 *        detector's own input size
	 */
	public DetectorSettings(String detector, double scoreThreshold, boolean twoPass, double minFaceSize) {
		if (!(minFaceSize >= 0) || Double.isInfinite(minFaceSize)) {
			throw new IllegalArgumentException("The minimum face size must be 0 (the detector's own input size) or a number of pixels, got "
					+ minFaceSize);
		}
		if (!(scoreThreshold >= 0 && scoreThreshold < 1)) {
			throw new IllegalArgumentException("The score threshold must be in [0, 1) (0: the detector's own), got " + scoreThreshold);
		}
		this.detector = detector == null || detector.trim().isEmpty() ? DetectorKind.BUNDLED_NAME : detector.trim();
		this.scoreThreshold = scoreThreshold;
		this.twoPass = twoPass;
		this.minFaceSize = minFaceSize;
	}

	/** The bundled detector with two passes, at its own input size; {@code scoreThreshold} 0 for its own. */
	public static DetectorSettings bundled(double scoreThreshold) {
		return bundled(scoreThreshold, 0);
	}

	/** The bundled detector with two passes (they cost little and turn its boxes into tight landmark boxes). */
	public static DetectorSettings bundled(double scoreThreshold, double minFaceSize) {
		return new DetectorSettings(DetectorKind.BUNDLED_NAME, scoreThreshold, true, minFaceSize);
	}

	/** A finder that uses {@code landmarks} for the first pass; the caller closes it (not {@code landmarks}). */
	public FaceFinder open(LandmarkDetector landmarks, Device device) throws IOException {
		return new FaceFinder(FaceDetector.open(detector, device), scoreThreshold, minFaceSize, twoPass ? new TwoPassLandmarks(landmarks) : null);
	}
}
