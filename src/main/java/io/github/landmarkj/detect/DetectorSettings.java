package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.engine.LandmarkDetector;

import java.io.IOException;

/**
 * How faces are found where no box is given: which face detector, its score threshold, how many
 * landmark passes refine the detector's boxes ({@link BoxRefinement}), and optionally a second detector that
 * must confirm each face ({@link FaceConfirmation}; off by default). Immutable, so that each worker thread can open its
 * own {@link FaceFinder} from the same settings.
 */
public final class DetectorSettings {
	public final String detector;
	/** 0: the detector's own threshold (model.json). */
	public final double scoreThreshold;
	/** Landmark passes that refine each detector box; 0: the detector's boxes as they are. */
	public final int refinementPasses;
	/** The smallest face to find, image pixels; 0: the detector's own input size (see {@link DetectorInput}). */
	public final double minFaceSize;
	/**
	 * The detector that must confirm each found face ({@link FaceConfirmation}), a bundled name
	 * ({@value DetectorKind#CONFIRMING_NAME}) or a folder; null: faces are not confirmed (the default).
	 */
	public final String confirmingDetector;

	/**
	 * @param detector a bundled detector's name ({@value DetectorKind#BUNDLED_NAME}) or a detector folder
	 * @param scoreThreshold in [0, 1); 0 for the detector's own
	 */
	public DetectorSettings(String detector, double scoreThreshold, int refinementPasses) {
		this(detector, scoreThreshold, refinementPasses, 0);
	}

	/**
	 * @param minFaceSize the smallest face to find, in image pixels (a larger detector input); 0 for the
	 *        detector's own input size
	 */
	public DetectorSettings(String detector, double scoreThreshold, int refinementPasses, double minFaceSize) {
		this(detector, scoreThreshold, refinementPasses, minFaceSize, null);
	}

	/**
	 * @param confirmingDetector the detector that must confirm each found face (a bundled name or a folder whose
	 *        model.json has {@code decoding.confirmation}); null or blank: faces are not confirmed
	 */
	public DetectorSettings(String detector, double scoreThreshold, int refinementPasses, double minFaceSize, String confirmingDetector) {
		if (refinementPasses < 0 || refinementPasses > BoxRefinement.MAX_PASSES) {
			throw new IllegalArgumentException("Refinement passes must be 0 (the detector's boxes as they are) to " + BoxRefinement.MAX_PASSES
					+ ", got " + refinementPasses);
		}
		if (!(minFaceSize >= 0) || Double.isInfinite(minFaceSize)) {
			throw new IllegalArgumentException("The minimum face size must be 0 (the detector's own input size) or a number of pixels, got "
					+ minFaceSize);
		}
		if (!(scoreThreshold >= 0 && scoreThreshold < 1)) {
			throw new IllegalArgumentException("The score threshold must be in [0, 1) (0: the detector's own), got " + scoreThreshold);
		}
		this.detector = detector == null || detector.trim().isEmpty() ? DetectorKind.BUNDLED_NAME : detector.trim();
		this.scoreThreshold = scoreThreshold;
		this.refinementPasses = refinementPasses;
		this.minFaceSize = minFaceSize;
		this.confirmingDetector = confirmingDetector == null || confirmingDetector.trim().isEmpty() ? null : confirmingDetector.trim();
	}

	/**
	 * These settings with each found face confirmed by the bundled second opinion ({@value DetectorKind#CONFIRMING_NAME}:
	 * fewer false detections, about 0.1 s more per image), or not confirmed.
	 */
	public DetectorSettings withFacesConfirmed(boolean confirm) {
		return new DetectorSettings(detector, scoreThreshold, refinementPasses, minFaceSize, confirm ? DetectorKind.CONFIRMING_NAME : null);
	}

	/** Whether a second detector must confirm each found face. */
	public boolean confirmsFaces() {
		return confirmingDetector != null;
	}

	/** The bundled detector with the default refinement, at its own input size; {@code scoreThreshold} 0 for its own. */
	public static DetectorSettings bundled(double scoreThreshold) {
		return bundled(scoreThreshold, 0);
	}

	/** The bundled detector with {@value BoxRefinement#DEFAULT_PASSES} refinement passes (they turn its boxes into tight landmark boxes). */
	public static DetectorSettings bundled(double scoreThreshold, double minFaceSize) {
		return new DetectorSettings(DetectorKind.BUNDLED_NAME, scoreThreshold, BoxRefinement.DEFAULT_PASSES, minFaceSize);
	}

	/** A finder that uses {@code landmarks} for the first pass; the caller closes it (not {@code landmarks}). */
	public FaceFinder open(LandmarkDetector landmarks, Device device) throws IOException {
		FaceConfirmation confirmation = confirmingDetector == null ? null : FaceConfirmation.open(confirmingDetector, device);
		try {
			return new FaceFinder(FaceDetector.open(detector, device), scoreThreshold, minFaceSize,
					refinementPasses > 0 ? new BoxRefinement(landmarks, refinementPasses, 0) : null, confirmation);
		} catch (IOException | RuntimeException e) {
			if (confirmation != null) {
				confirmation.close();
			}
			throw e;
		}
	}
}
