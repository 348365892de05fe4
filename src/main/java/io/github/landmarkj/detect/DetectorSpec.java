package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.InputNormalisation;

/**
 * The face-detector section of a model package: the input's size at the model's own scale and its
 * normalisation, the SSD priors and box variances, the score threshold and the NMS IoU, and how its boxes
 * map to landmark boxes. Immutable.
 *
 * @param inputLongSide the input's long side at the model's own size (320; {@code inputShortSide}: 240)
 * @param tightBox from the detector's box to the landmark model's box convention; null when the detector's
 *        boxes already follow it
 * @param confirmation how this detector confirms another finder's faces as a second opinion
 *        ({@link FaceConfirmation}); null when it is not meant for that
 */
public record DetectorSpec(int inputLongSide, int inputShortSide, InputNormalisation normalisation, PriorSpec priors, double scoreThreshold,
		double nmsIou, TightBoxMapping tightBox, ConfirmationRule confirmation) {
	public static final String ARCHITECTURE = "ultra-light-rfb";

	/** A detector that does not confirm other finders' faces. */
	public DetectorSpec(int inputLongSide, int inputShortSide, InputNormalisation normalisation, PriorSpec priors, double scoreThreshold,
			double nmsIou, TightBoxMapping tightBox) {
		this(inputLongSide, inputShortSide, normalisation, priors, scoreThreshold, nmsIou, tightBox, null);
	}

	public DetectorSpec {
		if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
			throw new IllegalArgumentException("The score threshold must be in (0, 1), got " + scoreThreshold);
		}
		if (!(nmsIou > 0 && nmsIou <= 1)) {
			throw new IllegalArgumentException("The NMS IoU must be in (0, 1], got " + nmsIou);
		}
		if (inputLongSide <= 0 || inputShortSide <= 0 || inputShortSide > inputLongSide) {
			throw new IllegalArgumentException("The input needs a long side at least as long as its positive short side");
		}
	}

	/** The landmark box for one of this detector's boxes (the box itself when the detector has no mapping). */
	public FaceBox landmarkBox(FaceBox detected) {
		return tightBox == null ? detected : tightBox.apply(detected);
	}
}
