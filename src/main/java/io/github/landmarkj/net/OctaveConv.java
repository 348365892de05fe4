package io.github.landmarkj.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

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

	/** O_H = f_HH(I_H) + up(f_LH(I_L)), O_L = f_LL(I_L) + f_HL(pool(I_H)); a path this layer lacks is left out. */
	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
		NDArray h = inputs.get(0);
		NDArray l = inputs.size() > 1 ? inputs.get(1) : null;
		if (stride == 2) {
			h = Resampling.down(h);
			l = l == null ? null : Resampling.down(l);
		}
		NDArray outH = Convolutions.forward(highToHigh, ps, h, training);
		if (l != null && lowToHigh != null) {
			outH = outH.add(Resampling.up(Convolutions.forward(lowToHigh, ps, l, training)));
		}
		if (outLow == 0) {
			return new NDList(outH);
		}
		NDArray outL = Convolutions.forward(highToLow, ps, Resampling.down(h), training);
		if (l != null && lowToLow != null) {
			outL = outL.add(Convolutions.forward(lowToLow, ps, l, training));
		}
		return new NDList(outH, outL);
	}

	/**
	 * This convolution followed by a per-channel affine map (scale, shift) of each output part, with the
	 * paths merged for inference: a batch norm folded in. The weights are taken as they are now; a later
	 * change of them is not seen.
	 */
	Folded fold(NDArray scaleHigh, NDArray shiftHigh, NDArray scaleLow, NDArray shiftLow) {
		NDArray hl = scaled(highToLow, scaleLow);
		NDArray ll = scaled(lowToLow, scaleLow);
		// f_HL(pool(I_H)) + f_LL(I_L) is one convolution of the two stacked along channels: one call where there
		// were two and their sum.
		NDArray low = hl == null || ll == null ? hl : NDArrays.concat(new NDList(hl, ll), 1);
		return new Folded(scaled(highToHigh, scaleHigh), shiftHigh, scaled(lowToHigh, scaleHigh), low, shiftLow);
	}

	private static NDArray scaled(Conv2d conv, NDArray scale) {
		if (conv == null) {
			return null;
		}
		NDArray w = conv.getParameters().get("weight").getArray();
		return w.mul(scale.reshape(-1, 1, 1, 1));
	}

	/**
	 * The folded convolution for inference: O_H = W_HH * I_H + b_H + up(W_LH * I_L), O_L = [W_HL W_LL] *
	 * [pool(I_H), I_L] + b_L (the low-frequency paths as one convolution of the stacked inputs): three
	 * convolutions and one sum where the trained wiring takes four and two. Inputs laid out channels-last,
	 * outputs too ({@link Convolutions#conv2dOfChannelsLast}).
	 */
	final class Folded {
		private final NDArray highToHigh;
		private final NDArray biasHigh;
		private final NDArray lowToHigh;
		private final NDArray toLow;
		private final NDArray biasLow;

		private Folded(NDArray highToHigh, NDArray biasHigh, NDArray lowToHigh, NDArray toLow, NDArray biasLow) {
			this.highToHigh = highToHigh;
			this.biasHigh = biasHigh;
			this.lowToHigh = lowToHigh;
			this.toLow = toLow;
			this.biasLow = biasLow;
		}

		NDList forward(NDList inputs) {
			NDArray h = inputs.get(0);
			NDArray l = inputs.size() > 1 ? inputs.get(1) : null;
			if (stride == 2) {
				h = Resampling.down(h);
				l = l == null ? null : Resampling.down(l);
			}
			NDArray outH = conv(h, highToHigh, biasHigh);
			if (l != null && lowToHigh != null) {
				outH = outH.add(Resampling.up(conv(l, lowToHigh, null)));
			}
			if (outLow == 0) {
				return new NDList(outH);
			}
			NDArray pooled = Resampling.down(h);
			NDArray lowInput = l == null || lowToLow == null ? pooled : NDArrays.concat(new NDList(pooled, l), 1);
			return new NDList(outH, conv(lowInput, toLow, biasLow));
		}

		private NDArray conv(NDArray x, NDArray weight, NDArray bias) {
			return Convolutions.conv2dOfChannelsLast(x, weight, bias, UNIT, new Shape(kernel / 2, kernel / 2), UNIT, 1);
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
