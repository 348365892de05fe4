package io.github.landmarkj.train;

/**
 * What one epoch of training achieved, for logs and live plots; NaN for validation figures not measured
 * that epoch.
 */
public record EpochReport(int epoch, int epochs, double trainingLoss, double validationNme, double validationJitter, double learningRate,
		double seconds) {

	/** The landmark trainer's log line. */
	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "epoch %d/%d  loss %.5f  val NME(io) %.3f%%  lr %.2e  %.0f s", epoch, epochs,
				trainingLoss, 100 * validationNme, learningRate, seconds);
	}
}
