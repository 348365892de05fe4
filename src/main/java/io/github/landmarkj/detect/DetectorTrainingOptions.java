package io.github.landmarkj.detect;

import java.nio.file.Path;

/** How the detector is trained: schedule, synthetic canvases, checkpoints. */
public final class DetectorTrainingOptions {
	public final int epochs;
	public final int batchSize;
	public final double learningRate;
	public final long seed;
	/** Side of the square training canvases (the network is fully convolutional; inference uses the model's input size). */
	public final int canvasSize;
	public final int canvasesPerEpoch;
	public final int validationCanvases;
	public final Path checkpointDir;
	public final boolean resume;

	public DetectorTrainingOptions(int epochs, int batchSize, double learningRate, long seed, int canvasSize, int canvasesPerEpoch,
			int validationCanvases, Path checkpointDir, boolean resume) {
		if (epochs <= 0 || batchSize <= 0 || canvasesPerEpoch < batchSize || !(learningRate > 0)) {
			throw new IllegalArgumentException("Training needs positive epochs, batch size and learning rate, and at least one batch per epoch");
		}
		if (canvasSize % DetectorConfig.MULTIPLE != 0) {
			throw new IllegalArgumentException("The canvas size must be a multiple of " + DetectorConfig.MULTIPLE + ", got " + canvasSize);
		}
		this.epochs = epochs;
		this.batchSize = batchSize;
		this.learningRate = learningRate;
		this.seed = seed;
		this.canvasSize = canvasSize;
		this.canvasesPerEpoch = canvasesPerEpoch;
		this.validationCanvases = validationCanvases;
		this.checkpointDir = checkpointDir;
		this.resume = resume;
	}
}
