package io.github.landmarkj.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** An octave convolution followed by batch norm and ReLU on each frequency part. */
public final class OctaveConvBnRelu extends AbstractBlock {
	/** DJL's BatchNorm default (the trained weights were made with it); the folding test checks it. */
	private static final float EPSILON = 1e-5f;
	private final OctaveConv conv;
	private final BatchNorm normHigh;
	private final BatchNorm normLow;
	/** Inference weights with the batch norms folded in; null until {@link #foldBatchNorms}. */
	private OctaveConv.Folded folded;

	public OctaveConvBnRelu(int channels, double alphaOut, int stride, boolean lowInput) {
		this.conv = addChildBlock("conv", new OctaveConv(channels, alphaOut, 3, stride, lowInput));
		this.normHigh = addChildBlock("bn_h", BatchNorm.builder().build());
		this.normLow = conv.outLow() > 0 ? addChildBlock("bn_l", BatchNorm.builder().build()) : null;
	}

	/**
	 * Folds each batch norm (with its running statistics) into the convolution before it and merges the
	 * convolution's paths ({@link OctaveConv.Folded}), so that inference runs fewer, larger PyTorch calls:
	 * at batch 1 their number is where the time goes. Inference forwards then expect inputs laid out
	 * channels-last, as {@link LandmarkNet} gives them. Training forwards are not affected; the folded
	 * weights are a snapshot, so fold again after the weights change.
	 */
	void foldBatchNorms() {
		NDArray[] high = affine(normHigh);
		NDArray[] low = normLow == null ? new NDArray[2] : affine(normLow);
		folded = conv.fold(high[0], high[1], low[0], low[1]);
	}

	/** scale = gamma / sqrt(var + eps), shift = beta - mean * scale. */
	private static NDArray[] affine(BatchNorm bn) {
		NDArray gamma = bn.getParameters().get("gamma").getArray();
		NDArray beta = bn.getParameters().get("beta").getArray();
		NDArray mean = bn.getParameters().get("runningMean").getArray();
		NDArray var = bn.getParameters().get("runningVar").getArray();
		NDArray scale = gamma.div(var.add(EPSILON).sqrt());
		return new NDArray[] {scale, beta.sub(mean.mul(scale))};
	}

	public boolean hasLowOutput() {
		return normLow != null;
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
		if (!training && folded != null) {
			NDList out = folded.forward(inputs);
			NDArray h = Activation.relu(out.get(0));
			return out.size() == 1 ? new NDList(h) : new NDList(h, Activation.relu(out.get(1)));
		}
		NDList out = conv.forward(ps, inputs, training);
		NDArray h = Activation.relu(normHigh.forward(ps, new NDList(out.get(0)), training).singletonOrThrow());
		if (normLow == null) {
			return new NDList(h);
		}
		NDArray l = Activation.relu(normLow.forward(ps, new NDList(out.get(1)), training).singletonOrThrow());
		return new NDList(h, l);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return conv.getOutputShapes(inputShapes);
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		conv.initialize(manager, dataType, inputShapes);
		Shape[] out = conv.getOutputShapes(inputShapes);
		normHigh.initialize(manager, dataType, out[0]);
		if (normLow != null) {
			normLow.initialize(manager, dataType, out[1]);
		}
	}
}
