package io.github.landmarkj.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import io.github.landmarkj.net.Convolutions;
import io.github.landmarkj.net.Resampling;

/**
 * A CenterNet-style face detector: a plain convolutional backbone down to stride 32, a small top-down
 * path (nearest upsampling by repetition, since DJL's PyTorch engine has no transposed convolution) back
 * to stride 8, and three heads there: centre probability (sigmoid), log box size in strides, and the
 * centre's sub-cell offset (sigmoid). Input: N x 3 x H x W, normalised, H and W multiples of 32.
 */
public final class FaceDetectorNet extends AbstractBlock {
	/** Prior probability of a face centre: starts the focal loss near its balance point, as CenterNet does. */
	private static final float HEAT_PRIOR_BIAS = -2.19f;

	private final DetectorConfig config;
	private final Block[] down; // stage k: a stride-2 conv then a stride-1 conv, both with BN + ReLU
	private final Block reduce32;
	private final Block smooth16;
	private final Block reduce16;
	private final Block smooth8;
	private final Block head;
	private final Block heatOut;
	private final Block sizeOut;
	private final Block offsetOut;

	public FaceDetectorNet(DetectorConfig config) {
		this.config = config;
		down = new Block[10];
		for (int k = 0; k < 5; k++) {
			down[2 * k] = addChildBlock("s" + k + "a", convBnRelu(config.width(k), 2));
			down[2 * k + 1] = addChildBlock("s" + k + "b", convBnRelu(config.width(k), 1));
		}
		reduce32 = addChildBlock("reduce32", conv(config.width(3), 1, true));
		smooth16 = addChildBlock("smooth16", convBnRelu(config.width(3), 1));
		reduce16 = addChildBlock("reduce16", conv(config.width(2), 1, true));
		smooth8 = addChildBlock("smooth8", convBnRelu(config.headChannels, 1));
		head = addChildBlock("head", convBnRelu(config.headChannels, 1));
		heatOut = addChildBlock("heat", conv(1, 1, true));
		heatOut.setInitializer(new ConstantInitializer(HEAT_PRIOR_BIAS), Parameter.Type.BIAS);
		sizeOut = addChildBlock("size", conv(2, 1, true));
		offsetOut = addChildBlock("offset", conv(2, 1, true));
	}

	public DetectorConfig config() {
		return config;
	}

	private static Block conv(int filters, int kernel, boolean bias) {
		return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
				.optPadding(new Shape(kernel / 2, kernel / 2)).optBias(bias).build();
	}

	private static Block convBnRelu(int filters, int stride) {
		return new ConvBnRelu(filters, stride);
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
		NDArray x = inputs.singletonOrThrow();
		NDArray[] stage = new NDArray[5];
		for (int k = 0; k < 5; k++) {
			x = run(down[2 * k], ps, x, training);
			x = run(down[2 * k + 1], ps, x, training);
			stage[k] = x;
		}
		NDArray p16 = run(smooth16, ps, Resampling.up(run(reduce32, ps, stage[4], training)).add(stage[3]), training);
		NDArray p8 = run(smooth8, ps, Resampling.up(run(reduce16, ps, p16, training)).add(stage[2]), training);
		NDArray h = run(head, ps, p8, training);
		NDArray heat = Activation.sigmoid(run(heatOut, ps, h, training));
		NDArray size = run(sizeOut, ps, h, training);
		NDArray offset = Activation.sigmoid(run(offsetOut, ps, h, training));
		return new NDList(heat, size, offset);
	}

	private static NDArray run(Block b, ParameterStore ps, NDArray x, boolean training) {
		if (b instanceof Conv2d) {
			return Convolutions.forward((Conv2d) b, ps, x, training);
		}
		return b.forward(ps, new NDList(x), training).singletonOrThrow();
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape in = inputShapes[0];
		long n = in.get(0), h = in.get(2) / DetectorConfig.STRIDE, w = in.get(3) / DetectorConfig.STRIDE;
		return new Shape[] {new Shape(n, 1, h, w), new Shape(n, 2, h, w), new Shape(n, 2, h, w)};
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape in = inputShapes[0];
		if (in.get(2) % DetectorConfig.MULTIPLE != 0 || in.get(3) % DetectorConfig.MULTIPLE != 0) {
			throw new IllegalArgumentException("The detector's input sides must be multiples of " + DetectorConfig.MULTIPLE + ", got " + in);
		}
		Shape x = in;
		Shape[] stage = new Shape[5];
		for (int k = 0; k < 5; k++) {
			x = init(down[2 * k], manager, dataType, x);
			x = init(down[2 * k + 1], manager, dataType, x);
			stage[k] = x;
		}
		init(reduce32, manager, dataType, stage[4]);
		Shape p16 = init(smooth16, manager, dataType, stage[3]);
		init(reduce16, manager, dataType, p16);
		Shape p8 = init(smooth8, manager, dataType, stage[2]);
		Shape h = init(head, manager, dataType, p8);
		init(heatOut, manager, dataType, h);
		init(sizeOut, manager, dataType, h);
		init(offsetOut, manager, dataType, h);
	}

	private static Shape init(Block b, NDManager manager, DataType dataType, Shape in) {
		b.initialize(manager, dataType, in);
		return b.getOutputShapes(new Shape[] {in})[0];
	}

	/** Convolution 3 x 3 (no bias: batch norm follows), batch norm, ReLU. */
	static final class ConvBnRelu extends AbstractBlock {
		private final Block conv;
		private final Block norm;

		ConvBnRelu(int filters, int stride) {
			conv = addChildBlock("conv", Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3))
					.optStride(new Shape(stride, stride)).optPadding(new Shape(1, 1)).optBias(false).build());
			norm = addChildBlock("bn", BatchNorm.builder().build());
		}

		@Override
		protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
			NDList y = norm.forward(ps, new NDList(Convolutions.forward((Conv2d) conv, ps, inputs.singletonOrThrow(), training)), training);
			return new NDList(Activation.relu(y.singletonOrThrow()));
		}

		@Override
		public Shape[] getOutputShapes(Shape[] inputShapes) {
			return conv.getOutputShapes(inputShapes);
		}

		@Override
		protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
			conv.initialize(manager, dataType, inputShapes);
			norm.initialize(manager, dataType, conv.getOutputShapes(inputShapes));
		}
	}
}
