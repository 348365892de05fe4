package io.github.landmarkj.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-frequency self-attention at the bottleneck. Each low-frequency position queries every
 * high-frequency position, so the coarse global layout of the face is refined with fine detail from
 * the whole crop:
 * phi = W_phi(X_l), theta = W_theta(X_h), gamma = W_gamma(X_h) (1x1 convolutions to C channels);
 * Y = phi^T theta (S_l x N), softmax over the N high positions; Z = Y~ gamma^T (S_l x C), reshaped to
 * C x H/2 x W/2; X_l' = W_z(Z) + X_l. X_h passes unchanged. Input and output are [X_h, X_l].
 */
public final class MultiFrequencyAttention extends AbstractBlock {
	private final Conv2d phi;
	private final Conv2d theta;
	private final Conv2d gamma;
	private final Conv2d outProjection;
	private final int attentionChannels;
	/** The projections as matrices for inference; null until {@link #prepareInference}. */
	private Matrices matrices;

	/**
	 * @param attentionChannels C, the width of the embeddings phi, theta and gamma
	 * @param lowChannels C_l, the channels of X_l that W_z projects back to
	 */
	public MultiFrequencyAttention(int attentionChannels, int lowChannels) {
		this.attentionChannels = attentionChannels;
		this.phi = addChildBlock("phi", conv1x1(attentionChannels));
		this.theta = addChildBlock("theta", conv1x1(attentionChannels));
		this.gamma = addChildBlock("gamma", conv1x1(attentionChannels));
		this.outProjection = addChildBlock("out", conv1x1(lowChannels));
	}

	/** The four 1x1 convolutions phi, theta, gamma, W_z, for tests that check the equations. */
	Conv2d[] projections() {
		return new Conv2d[] {phi, theta, gamma, outProjection};
	}

	private static Conv2d conv1x1(int filters) {
		return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(1, 1)).build();
	}

	/**
	 * Takes the projections' weights as matrices for inference ({@link Matrices}); a snapshot, so prepare
	 * again after the weights change. Training forwards are not affected.
	 */
	void prepareInference() {
		NDArray thetaGamma = NDArrays.concat(new NDList(matrix(theta), matrix(gamma)));
		NDArray thetaGammaBias = NDArrays.concat(new NDList(bias(theta), bias(gamma)));
		matrices = new Matrices(matrix(phi), bias(phi), thetaGamma, thetaGammaBias, matrix(outProjection), bias(outProjection));
	}

	private static NDArray matrix(Conv2d conv) {
		NDArray w = conv.getParameters().get("weight").getArray();
		return w.reshape(w.getShape().get(0), w.getShape().get(1));
	}

	private static NDArray bias(Conv2d conv) {
		return conv.getParameters().get("bias").getArray();
	}

	/**
	 * The inference form of the layer: each 1 x 1 projection a matrix product with its bias (one call) on the
	 * pixels of its input (a view of a channels-last array, a copy of any other), theta and gamma as one product
	 * of their stacked matrices (they read the same X_h). The same equations in about half the calls of the
	 * trained form, which reshapes every projection's channels-last output to NCHW rows (copies).
	 */
	private record Matrices(NDArray phi, NDArray phiBias, NDArray thetaGamma, NDArray thetaGammaBias, NDArray out, NDArray outBias) {
		NDList forward(NDArray xh, NDArray xl, long c) {
			Shape s = xl.getShape();
			NDArray p = Linear.linear(pixels(xl), phi, phiBias).singletonOrThrow(); // B x S_l x C
			NDList tg = Linear.linear(pixels(xh), thetaGamma, thetaGammaBias).singletonOrThrow().split(new long[] {c}, 2); // B x N x C, twice
			NDArray y = p.batchMatMul(tg.get(0).transpose(0, 2, 1)).softmax(2); // B x S_l x N
			NDArray z = y.batchMatMul(tg.get(1)); // B x S_l x C
			NDArray update = Linear.linear(z, out, outBias).singletonOrThrow().reshape(s.get(0), s.get(2), s.get(3), s.get(1));
			return new NDList(xh, xl.add(update.transpose(0, 3, 1, 2)));
		}

		/** B x C x H x W as B x (H W) x C. */
		private static NDArray pixels(NDArray x) {
			Shape s = x.getShape();
			return x.transpose(0, 2, 3, 1).reshape(s.get(0), s.get(2) * s.get(3), s.get(1));
		}
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
		NDArray xh = inputs.get(0);
		NDArray xl = inputs.get(1);
		if (!training && matrices != null) {
			return matrices.forward(xh, xl, attentionChannels);
		}
		long batch = xl.getShape().get(0);
		long hl = xl.getShape().get(2), wl = xl.getShape().get(3);
		long c = attentionChannels;
		NDArray p = Convolutions.forward(phi, ps, xl, training).reshape(batch, c, -1);
		NDArray t = Convolutions.forward(theta, ps, xh, training).reshape(batch, c, -1);
		NDArray g = Convolutions.forward(gamma, ps, xh, training).reshape(batch, c, -1);
		NDArray y = p.transpose(0, 2, 1).batchMatMul(t).softmax(2); // B x S_l x N
		NDArray z = y.batchMatMul(g.transpose(0, 2, 1)); // B x S_l x C
		NDArray zMap = z.transpose(0, 2, 1).reshape(batch, c, hl, wl);
		NDArray update = Convolutions.forward(outProjection, ps, zMap, training);
		return new NDList(xh, xl.add(update));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] {inputShapes[0], inputShapes[1]};
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape h = inputShapes[0];
		Shape l = inputShapes[1];
		phi.initialize(manager, dataType, l);
		theta.initialize(manager, dataType, h);
		gamma.initialize(manager, dataType, h);
		outProjection.initialize(manager, dataType, Resampling.withChannels(l, attentionChannels));
	}
}
