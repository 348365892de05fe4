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
	private final OctaveConv conv;
	private final BatchNorm normHigh;
	private final BatchNorm normLow;

	public OctaveConvBnRelu(int channels, double alphaOut, int stride, boolean lowInput) {
		this.conv = addChildBlock("conv", new OctaveConv(channels, alphaOut, 3, stride, lowInput));
		this.normHigh = addChildBlock("bn_h", BatchNorm.builder().build());
		this.normLow = conv.outLow() > 0 ? addChildBlock("bn_l", BatchNorm.builder().build()) : null;
	}

	public boolean hasLowOutput() {
		return normLow != null;
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
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
