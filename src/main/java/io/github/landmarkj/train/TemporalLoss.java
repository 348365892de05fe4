package io.github.landmarkj.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;

/**
 * Loss of the temporal model: the mean absolute error of the corrections (the corrected points' error)
 * plus {@code jitterWeight} times the mean absolute frame-to-frame change of that error, which is what
 * jitter measures. Labels and predictions: (batch, frames, 2 x points).
 */
public final class TemporalLoss extends Loss {
	private final float jitterWeight;

	public TemporalLoss(float jitterWeight) {
		super("temporal_loss");
		this.jitterWeight = jitterWeight;
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray error = predictions.singletonOrThrow().sub(labels.singletonOrThrow());
		NDArray loss = error.abs().mean();
		if (jitterWeight > 0 && error.getShape().get(1) > 1) {
			NDArray change = error.get(new NDIndex(":, 1:, :")).sub(error.get(new NDIndex(":, :-1, :")));
			loss = loss.add(change.abs().mean().mul(jitterWeight));
		}
		return loss;
	}
}
