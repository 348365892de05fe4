package io.github.landmarkj.train;

import java.nio.file.Path;

/** How long and how to train: the knobs of the {@code train} verb. */
public record TrainingOptions(int epochs, int batchSize, double learningRate, long seed, Path checkpointDir, boolean resume,
		AugmentationConfig augmentation) {
	public TrainingOptions {
		if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
			throw new IllegalArgumentException("epochs, batch size and learning rate must be positive");
		}
	}
}
