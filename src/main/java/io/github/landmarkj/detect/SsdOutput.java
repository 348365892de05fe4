package io.github.landmarkj.detect;

/**
 * An SSD detector's raw output for one input: per prior, two class logits (background, face) and four
 * box regressions (dx, dy, dw, dh), in the order of {@link PriorBoxes}.
 */
public final class SsdOutput {
	public final int inputWidth;
	public final int inputHeight;
	private final float[] logits;
	private final float[] regression;

	/** Takes ownership of the arrays (N x 2 and N x 4, row-major). */
	public SsdOutput(int inputWidth, int inputHeight, float[] logits, float[] regression) {
		if (logits.length % 2 != 0 || regression.length != 2 * logits.length) {
			throw new IllegalArgumentException("Expected N x 2 logits and N x 4 regressions, got " + logits.length + " and "
					+ regression.length + " values");
		}
		this.inputWidth = inputWidth;
		this.inputHeight = inputHeight;
		this.logits = logits;
		this.regression = regression;
	}

	public int priors() {
		return logits.length / 2;
	}

	/** Softmax probability of "face" over the two classes; NaN when a logit is. */
	public double faceProbability(int prior) {
		double background = logits[2 * prior], face = logits[2 * prior + 1];
		return 1 / (1 + Math.exp(background - face));
	}

	/** k = 0..3: dx, dy, dw, dh. */
	public float regression(int prior, int k) {
		return regression[4 * prior + k];
	}
}
