package io.github.landmarkj.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * CenterNet's loss: penalty-reduced focal loss on the centre heat map (negatives near a centre count less,
 * by (1 - target)^4, and negatives in cells of weight 0 not at all), plus L1 on log size and on the
 * sub-cell offset at the centre cells; all divided by the number of faces.
 * Labels: [heat, size, offset, centre mask, negative weight]; predictions: [heat, size, offset].
 */
public final class DetectorLoss extends Loss {
	private final float sizeWeight;
	private final float offsetWeight;

	public DetectorLoss(float sizeWeight, float offsetWeight) {
		super("detector_loss");
		this.sizeWeight = sizeWeight;
		this.offsetWeight = offsetWeight;
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray target = labels.get(0), mask = labels.get(3), negWeight = labels.get(4);
		NDArray p = predictions.get(0).clip(1e-4f, 1 - 1e-4f);
		NDArray faces = mask.sum().maximum(1f);
		NDArray pos = p.log().mul(p.neg().add(1).square()).mul(mask);
		NDArray negReduction = target.neg().add(1).pow(4);
		NDArray neg = p.neg().add(1).log().mul(p.square()).mul(negReduction).mul(mask.neg().add(1)).mul(negWeight);
		NDArray focal = pos.add(neg).sum().neg();
		NDArray size = predictions.get(1).sub(labels.get(1)).abs().mul(mask).sum();
		NDArray offset = predictions.get(2).sub(labels.get(2)).abs().mul(mask).sum();
		return focal.add(size.mul(sizeWeight)).add(offset.mul(offsetWeight)).div(faces);
	}
}
