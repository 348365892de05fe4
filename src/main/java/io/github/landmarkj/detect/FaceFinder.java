package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceBoxLimits;
import io.github.landmarkj.core.RgbImage;

import java.util.ArrayList;
import java.util.List;

/**
 * The face boxes to give the landmark model for an image without user boxes: the detector's boxes mapped to
 * the landmark model's box convention ({@link TightBoxMapping}) and, with refinement ({@link BoxRefinement}),
 * replaced by the tight boxes of landmark passes on them; with a {@link FaceConfirmation}, only the boxes a second
 * detector confirms. Owns its detectors; not thread-safe (one
 * network), one per thread.
 */
public final class FaceFinder implements AutoCloseable {
	private final FaceDetector detector;
	private final double scoreThreshold;
	private final double minFaceSize;
	private final BoxRefinement refinement;
	private final FaceConfirmation confirmation;

	/**
	 * @param scoreThreshold 0 for the detector's own
	 * @param minFaceSize smallest face to find in image pixels; 0 for the detector's own input size
	 * @param refinement null for the detector's boxes as they are
	 * @param confirmation the second detector that must confirm each final box (owned and closed by this finder);
	 *        null to keep every box
	 */
	public FaceFinder(FaceDetector detector, double scoreThreshold, double minFaceSize, BoxRefinement refinement, FaceConfirmation confirmation) {
		this.detector = detector;
		this.scoreThreshold = scoreThreshold;
		this.minFaceSize = minFaceSize;
		this.refinement = refinement;
		this.confirmation = confirmation;
	}

	/**
	 * Face boxes numbered left to right (by the detector's boxes); empty when no face is found. Non-finite
	 * pixels ("no data") are seen as black here, by every caller (files, Fiji, ImgLib2 scripts); the landmark
	 * pass on the boxes then refuses a face whose crop reads one.
	 */
	public List<FaceBox> boxes(RgbImage image) {
		RgbImage seen = image.withNonFiniteReplaced(0);
		double threshold = scoreThreshold > 0 ? scoreThreshold : detector.modelPackage().spec().scoreThreshold();
		List<FaceBox> found = landmarkBoxes(detector.modelPackage().spec(), detector.detect(seen, threshold, minFaceSize), image.width(),
				image.height());
		List<FaceBox> refined = refinement == null || found.isEmpty() ? found : refinement.refinedBoxes(seen, found);
		return confirmation == null ? refined : confirmation.confirmed(seen, refined);
	}

	/**
	 * The detector's boxes in the landmark model's convention ({@link DetectorSpec#landmarkBox}); a mapped box
	 * the landmark model cannot use in this image ({@link FaceBoxLimits}: a face at the border whose centre
	 * would move out, say) stays as the detector gave it, and is dropped if that cannot be used either.
	 */
	static List<FaceBox> landmarkBoxes(DetectorSpec spec, List<FaceBox> detected, int width, int height) {
		List<FaceBox> out = new ArrayList<>(detected.size());
		for (FaceBox box : detected) {
			FaceBox mapped = spec.landmarkBox(box);
			if (FaceBoxLimits.problem(mapped, width, height) == null) {
				out.add(mapped);
			} else if (FaceBoxLimits.problem(box, width, height) == null) {
				out.add(box);
			}
		}
		return out;
	}

	/** "bundled:face-detector" or a folder. */
	public String origin() {
		return detector.origin();
	}

	/** The second detector that confirms each face ("bundled:face-detector-640" or a folder); null when faces are not confirmed. */
	public String confirmationOrigin() {
		return confirmation == null ? null : confirmation.origin();
	}

	@Override
	public void close() {
		try {
			detector.close();
		} finally {
			if (confirmation != null) {
				confirmation.close();
			}
		}
	}
}
