package io.github.landmarkj.train;

/** What one epoch of training achieved, for logs and live plots. */
public final class EpochReport {
	public final int epoch;
	public final int epochs;
	public final double trainingLoss;
	public final double validationNme;
	public final double learningRate;
	public final double seconds;

	public EpochReport(int epoch, int epochs, double trainingLoss, double validationNme, double learningRate, double seconds) {
		this.epoch = epoch;
		this.epochs = epochs;
		this.trainingLoss = trainingLoss;
		this.validationNme = validationNme;
		this.learningRate = learningRate;
		this.seconds = seconds;
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "epoch %d/%d  loss %.5f  val NME(io) %.3f%%  lr %.2e  %.0f s", epoch, epochs,
				trainingLoss, 100 * validationNme, learningRate, seconds);
	}
}
