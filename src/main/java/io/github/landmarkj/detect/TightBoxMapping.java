package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;

/**
 * From a face detector's box to the box convention of the landmark model (the tight box of the face's
 * landmarks), as an average over annotated faces: the centre moves by {@code centreShiftX} widths and
 * {@code centreShiftY} heights of the detector's box, and the landmark box is a square
 * {@code sidePerWidth} times its width. For the bundled detector (WIDER FACE boxes, forehead to chin)
 * the landmark box sits lower and is a little larger; the first landmark pass then starts from a crop
 * close to the one the model knows ({@link BoxRefinement} does the rest). Fitted by
 * {@code TightBoxMappingFit} (test sources) on face68 training faces, never on validation faces.
 */
public record TightBoxMapping(double centreShiftX, double centreShiftY, double sidePerWidth) {
	public TightBoxMapping {
		if (!Double.isFinite(centreShiftX) || !Double.isFinite(centreShiftY) || !(sidePerWidth > 0) || Double.isInfinite(sidePerWidth)) {
			throw new IllegalArgumentException("A tight-box mapping needs finite centre shifts and a positive side per width, got "
					+ centreShiftX + ", " + centreShiftY + ", " + sidePerWidth);
		}
	}

	/** The landmark box for a detector's box, keeping its score. */
	public FaceBox apply(FaceBox detected) {
		double side = sidePerWidth * detected.width;
		double cx = detected.centerX() + centreShiftX * detected.width;
		double cy = detected.centerY() + centreShiftY * detected.height;
		return new FaceBox(cx - side / 2, cy - side / 2, side, side, detected.score);
	}
}
