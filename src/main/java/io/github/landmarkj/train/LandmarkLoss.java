package io.github.landmarkj.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Adaptive wing loss on the heat maps (Wang et al. 2019) with its foreground weighting, plus binary
 * cross-entropy on the occlusion grid. Adaptive wing behaves like a wing loss near the Gaussian's
 * peak (large gradients for small errors, which is what sub-pixel accuracy needs) and like MSE on
 * the background, where almost all pixels are.
 * Labels: [heat-map targets, occlusion targets]; predictions: [heat maps, occlusion probabilities].
 */
public final class LandmarkLoss extends Loss {
	private final float omega = 14f;
	private final float theta = 0.5f;
	private final float epsilon = 1f;
	private final float alpha = 2.1f;
	private final float foregroundWeight = 10f;
	private final float occlusionWeight;

	public LandmarkLoss(float occlusionWeight) {
		super("landmark_loss");
		this.occlusionWeight = occlusionWeight;
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray heatmapLoss = adaptiveWing(predictions.get(0), labels.get(0));
		NDArray occlusionLoss = binaryCrossEntropy(predictions.get(1), labels.get(1));
		return heatmapLoss.add(occlusionLoss.mul(occlusionWeight));
	}

	/** Mean weighted adaptive wing loss; pixels where the target is above 0.1 weigh {@code 1 + foregroundWeight}. */
	NDArray adaptiveWing(NDArray prediction, NDArray target) {
		NDArray diff = prediction.sub(target).abs();
		NDArray power = target.neg().add(alpha); // alpha - y
		NDArray ratioPower = power.getManager().full(power.getShape(), theta / epsilon).pow(power); // (theta/eps)^(alpha-y)
		NDArray a = ratioPower.div(theta / epsilon).mul(power).div(ratioPower.add(1)).mul(omega / epsilon);
		NDArray c = a.mul(theta).sub(ratioPower.add(1).log().mul(omega));
		NDArray small = diff.div(epsilon).pow(power).add(1).log().mul(omega);
		NDArray large = a.mul(diff).sub(c);
		NDArray loss = NDArrays.where(diff.lt(theta), small, large);
		NDArray weight = target.gt(0.1f).toType(loss.getDataType(), false).mul(foregroundWeight).add(1);
		return loss.mul(weight).mean();
	}

	static NDArray binaryCrossEntropy(NDArray probability, NDArray target) {
		NDArray p = probability.clip(1e-6f, 1 - 1e-6f);
		return target.mul(p.log()).add(target.neg().add(1).mul(p.neg().add(1).log())).neg().mean();
	}
}
