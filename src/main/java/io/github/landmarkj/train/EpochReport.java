package io.github.landmarkj.train;

/** What one epoch of training achieved, for logs and live plots. */
public record EpochReport(int epoch, int epochs, double trainingLoss, double validationNme, double learningRate, double seconds) {

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "epoch %d/%d  loss %.5f  val NME(io) %.3f%%  lr %.2e  %.0f s", epoch, epochs,
				trainingLoss, 100 * validationNme, learningRate, seconds);
	}
}
