package io.github.landmarkj.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.function.UnaryOperator;

/**
 * Octave convolution (Chen et al. 2019). A feature map is a high-frequency part at full resolution and
 * a low-frequency part at half resolution; with input (I_H, I_L):
 * O_H = f_HH(I_H) + up(f_LH(I_L)), O_L = f_LL(I_L) + f_HL(pool(I_H)).
 * The input is an NDList [H] (image in, alpha_in = 0) or [H, L]; the output is [H] when
 * {@code alphaOut} is 0 (single frequency out) and [H, L] otherwise. With stride 2 both input parts
 * are average-pooled first, as in the reference implementation.
 */
public final class OctaveConv extends AbstractBlock {
	private final int outHigh;
	private final int outLow;
	private final int stride;
	private final Conv2d highToHigh;
	private final Conv2d highToLow;
	private Conv2d lowToHigh;
	private Conv2d lowToLow;
	private final int kernel;
	private static final Shape UNIT = new Shape(1, 1);

	/**
	 * @param channels total output channels
	 * @param alphaOut fraction of output channels in the low-frequency part (0 = single frequency)
	 * @param kernel odd kernel size; padding keeps the size
	 * @param stride 1 or 2
	 * @param lowInput whether the input has a low-frequency part
	 */
	public OctaveConv(int channels, double alphaOut, int kernel, int stride, boolean lowInput) {
		if (stride != 1 && stride != 2) {
			throw new IllegalArgumentException("stride must be 1 or 2");
		}
		this.outLow = (int) Math.round(alphaOut * channels);
		this.outHigh = channels - outLow;
		this.stride = stride;
		this.kernel = kernel;
		this.highToHigh = addChildBlock("hh", conv(outHigh));
		this.highToLow = outLow > 0 ? addChildBlock("hl", conv(outLow)) : null;
		if (lowInput) {
			this.lowToHigh = addChildBlock("lh", conv(outHigh));
			this.lowToLow = outLow > 0 ? addChildBlock("ll", conv(outLow)) : null;
		}
	}

	private Conv2d conv(int filters) {
		return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
				.optPadding(new Shape(kernel / 2, kernel / 2)).optBias(false).build();
	}

	public int outHigh() {
		return outHigh;
	}

	public int outLow() {
		return outLow;
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
		return combine(inputs, path(highToHigh, ps, training), path(highToLow, ps, training), path(lowToHigh, ps, training),
				path(lowToLow, ps, training));
	}

	private static UnaryOperator<NDArray> path(Conv2d conv, ParameterStore ps, boolean training) {
		return conv == null ? null : x -> Convolutions.forward(conv, ps, x, training);
	}

	/**
	 * The octave wiring, O_H = f_HH(I_H) + up(f_LH(I_L)), O_L = f_LL(I_L) + f_HL(pool(I_H)), whatever each
	 * path's convolution is (trained blocks, or folded weights); a null path is one this layer lacks.
	 */
	private NDList combine(NDList inputs, UnaryOperator<NDArray> hh, UnaryOperator<NDArray> hl, UnaryOperator<NDArray> lh,
			UnaryOperator<NDArray> ll) {
		NDArray h = inputs.get(0);
		NDArray l = inputs.size() > 1 ? inputs.get(1) : null;
		if (stride == 2) {
			h = Resampling.down(h);
			l = l == null ? null : Resampling.down(l);
		}
		NDArray outH = hh.apply(h);
		if (l != null && lh != null) {
			outH = outH.add(Resampling.up(lh.apply(l)));
		}
		if (outLow == 0) {
			return new NDList(outH);
		}
		NDArray outL = hl.apply(Resampling.down(h));
		if (l != null && ll != null) {
			outL = outL.add(ll.apply(l));
		}
		return new NDList(outH, outL);
	}

	/**
	 * This convolution followed by a per-channel affine map (scale, shift) of each output part, as one
	 * convolution with scaled weights and a bias: a batch norm folded in for inference. The weights are
	 * taken as they are now; a later change of them is not seen.
	 */
	Folded fold(NDArray scaleHigh, NDArray shiftHigh, NDArray scaleLow, NDArray shiftLow) {
		return new Folded(scaled(highToHigh, scaleHigh), scaled(highToLow, scaleLow), scaled(lowToHigh, scaleHigh),
				scaled(lowToLow, scaleLow), shiftHigh, shiftLow);
	}

	private static NDArray scaled(Conv2d conv, NDArray scale) {
		if (conv == null) {
			return null;
		}
		NDArray w = conv.getParameters().get("weight").getArray();
		return w.mul(scale.reshape(-1, 1, 1, 1));
	}

	/** The folded convolution's weights, wired as {@link #forwardInternal} wires the trained ones. */
	final class Folded {
		private final NDArray hh;
		private final NDArray hl;
		private final NDArray lh;
		private final NDArray ll;
		private final NDArray biasHigh;
		private final NDArray biasLow;

		private Folded(NDArray hh, NDArray hl, NDArray lh, NDArray ll, NDArray biasHigh, NDArray biasLow) {
			this.hh = hh;
			this.hl = hl;
			this.lh = lh;
			this.ll = ll;
			this.biasHigh = biasHigh;
			this.biasLow = biasLow;
		}

		/** The biases ride on the paths every forward takes: high-to-high for O_H, high-to-low for O_L. */
		NDList forward(NDList inputs) {
			return combine(inputs, x -> conv(x, hh, biasHigh), hl == null ? null : x -> conv(x, hl, biasLow),
					lh == null ? null : x -> conv(x, lh, null), ll == null ? null : x -> conv(x, ll, null));
		}

		private NDArray conv(NDArray x, NDArray weight, NDArray bias) {
			return Convolutions.conv2d(x, weight, bias, UNIT, new Shape(kernel / 2, kernel / 2), UNIT, 1);
		}
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape h = stride == 2 ? Resampling.halfShape(inputShapes[0]) : inputShapes[0];
		Shape outH = Resampling.withChannels(h, outHigh);
		if (outLow == 0) {
			return new Shape[] {outH};
		}
		return new Shape[] {outH, Resampling.withChannels(Resampling.halfShape(h), outLow)};
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape h = stride == 2 ? Resampling.halfShape(inputShapes[0]) : inputShapes[0];
		highToHigh.initialize(manager, dataType, h);
		if (highToLow != null) {
			highToLow.initialize(manager, dataType, Resampling.halfShape(h));
		}
		if (lowToHigh != null) {
			if (inputShapes.length < 2) {
				throw new IllegalArgumentException("This octave convolution expects a low-frequency input");
			}
			Shape l = stride == 2 ? Resampling.halfShape(inputShapes[1]) : inputShapes[1];
			lowToHigh.initialize(manager, dataType, l);
			if (lowToLow != null) {
				lowToLow.initialize(manager, dataType, l);
			}
		}
	}
}
