package io.github.landmarkj.detect;

import io.github.landmarkj.core.InputNormalisation;

/**
 * The face-detector section of a model package: the input's size at the model's own scale and its
 * normalisation, the SSD priors and box variances, the score threshold and the NMS IoU. Immutable.
 */
public final class DetectorSpec {
	public static final String ARCHITECTURE = "ultra-light-rfb";

	/** The input's long and short side at the model's own size (320 x 240). */
	public final int inputLongSide;
	public final int inputShortSide;
	public final InputNormalisation normalisation;
	public final PriorSpec priors;
	public final double scoreThreshold;
	public final double nmsIou;

	public DetectorSpec(int inputLongSide, int inputShortSide, InputNormalisation normalisation, PriorSpec priors, double scoreThreshold,
			double nmsIou) {
		if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
			throw new IllegalArgumentException("The score threshold must be in (0, 1), got " + scoreThreshold);
		}
		if (!(nmsIou > 0 && nmsIou <= 1)) {
			throw new IllegalArgumentException("The NMS IoU must be in (0, 1], got " + nmsIou);
		}
		if (inputLongSide <= 0 || inputShortSide <= 0 || inputShortSide > inputLongSide) {
			throw new IllegalArgumentException("The input needs a long side at least as long as its positive short side");
		}
		this.inputLongSide = inputLongSide;
		this.inputShortSide = inputShortSide;
		this.normalisation = normalisation;
		this.priors = priors;
		this.scoreThreshold = scoreThreshold;
		this.nmsIou = nmsIou;
	}
}
