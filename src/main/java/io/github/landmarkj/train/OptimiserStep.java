package io.github.landmarkj.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;

/** One batch of training, the same for every network LandmarkJ trains: forward, loss, backward, update. */
public final class OptimiserStep {
	private OptimiserStep() {
	}

	/** @return the batch's loss */
	public static float run(Trainer trainer, Loss loss, NDList inputs, NDList labels) {
		float value;
		try (GradientCollector collector = trainer.newGradientCollector()) {
			NDList predictions = trainer.forward(inputs, labels);
			NDArray l = loss.evaluate(labels, predictions);
			collector.backward(l);
			value = l.getFloat();
		}
		trainer.step();
		return value;
	}
}
