package io.github.landmarkj.train;

import java.nio.file.Path;

/** How long and how to train: the knobs of the {@code train} verb. */
public final class TrainingOptions {
	public final int epochs;
	public final int batchSize;
	public final double learningRate;
	public final long seed;
	public final Path checkpointDir;
	public final boolean resume;
	public final AugmentationConfig augmentation;

	public TrainingOptions(int epochs, int batchSize, double learningRate, long seed, Path checkpointDir, boolean resume,
			AugmentationConfig augmentation) {
		if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
			throw new IllegalArgumentException("epochs, batch size and learning rate must be positive");
		}
		this.epochs = epochs;
		this.batchSize = batchSize;
		this.learningRate = learningRate;
		this.seed = seed;
		this.checkpointDir = checkpointDir;
		this.resume = resume;
		this.augmentation = augmentation;
	}
}
