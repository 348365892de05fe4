package io.github.landmarkj.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;

/**
 * Every 2D convolution of LandmarkJ's networks runs through here, so that it gives the same numbers on
 * every CPU.
 * <p>
 * libtorch 2.7.1's oneDNN (3.7.1) convolutions on AVX-512 (and AVX2) CPUs reorder the input into a
 * channel-blocked layout (blocks of 16 channels). When a convolution has more than 8 input channels and
 * their number is not a multiple of the block, the padding lanes of the last block are left
 * uninitialised and enter the sums: the output depends on whatever that memory held before (zeros in
 * a fresh process, NaN or old activations later). Measured on an AMD EPYC with AVX-512: 24, 20, 40 or
 * 17 input channels give NaN outputs after memory was reused; 8, 12, 15, 16, 32 and 48 never do.
 * Padding the input channels (and the weights' input channels) with zeros to a multiple of 16 leaves no
 * padding lane and gives exactly the same convolution. See {@code ConvolutionsTest}.
 * <p>
 * Every array made here from a weight (padded or reshaped copies) belongs to the input's manager, the
 * call's: an array made by an operation on a weight would otherwise belong to the weight's manager, the
 * model's, and stay until the model is closed (1.4 MB and 18 kB of Java heap per inference, measured by
 * {@code engine/SoakBench}).
 */
public final class Convolutions {
	/** The channel block of oneDNN's AVX-512 layouts; a multiple of the AVX2 block (8). */
	static final int BLOCK = 16;
	/** Up to this many input channels oneDNN uses a plain (unblocked) input layout. */
	static final int PLAIN_LAYOUT_MAX = 8;

	private Convolutions() {
	}

	/**
	 * The block's convolution on {@code x} (NCHW), with the block's own weights, bias and geometry. In
	 * training it runs as taps and one matrix product ({@link #byMatrixProduct}): oneDNN's backward pass
	 * has the same uninitialised lanes for many more channel counts, and its gradients were NaN.
	 */
	public static NDArray forward(Conv2d conv, ParameterStore ps, NDArray x, boolean training) {
		NDArray weight = value(conv.getParameters().get("weight"), ps, x, training);
		NDArray bias = conv.isIncludeBias() ? value(conv.getParameters().get("bias"), ps, x, training) : null;
		if (training && conv.getGroups() == 1 && isUnit(conv.getDilation())) {
			return byMatrixProduct(x, weight, bias, conv.getStride(), conv.getPadding());
		}
		return conv2d(x, weight, bias, conv.getStride(), conv.getPadding(), conv.getDilation(), conv.getGroups());
	}

	/**
	 * The same convolution (groups 1, dilation 1) without libtorch's convolution kernels: the k x k shifted
	 * taps of the zero-padded input are stacked into columns and multiplied by the weight matrix. Uses more
	 * memory (k^2 copies of the input); for training, where its gradients are the plain ones of slicing,
	 * stacking and a matrix product.
	 */
	public static NDArray byMatrixProduct(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding) {
		Shape in = x.getShape();
		Shape k = weight.getShape();
		long n = in.get(0), c = in.get(1), outputs = k.get(0), kh = k.get(2), kw = k.get(3);
		long sh = stride.get(0), sw = stride.get(1), ph = padding.get(0), pw = padding.get(1);
		long oh = (in.get(2) + 2 * ph - kh) / sh + 1, ow = (in.get(3) + 2 * pw - kw) / sw + 1;
		NDArray padded = ph == 0 && pw == 0 ? x : x.pad(new Shape(pw, pw, ph, ph), 0);
		NDList taps = new NDList((int) (kh * kw));
		for (long dy = 0; dy < kh; dy++) {
			for (long dx = 0; dx < kw; dx++) {
				taps.add(padded.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}", dy, dy + sh * (oh - 1) + 1, sh, dx, dx + sw * (ow - 1) + 1, sw)));
			}
		}
		// n x c x (kh kw) x oh x ow: channel-major, tap-minor, as the weights (outputs x c x kh x kw) are laid out.
		NDArray columns = NDArrays.stack(taps, 2).reshape(n, c * kh * kw, oh * ow);
		NDArray y = owned(weight.reshape(outputs, c * kh * kw), x).matMul(columns).reshape(n, outputs, oh, ow);
		return bias == null ? y : y.add(owned(bias.reshape(1, outputs, 1, 1), x));
	}

	/** A 2D convolution as {@link Conv2d#conv2d}, with input channels zero-padded where oneDNN needs it. */
	public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation, int groups) {
		long channels = x.getShape().get(1);
		int pad = groups == 1 ? paddingChannels(channels) : 0;
		NDArray in = pad == 0 ? x : padChannels(x, pad);
		NDArray w = pad == 0 ? weight : owned(padWeights(weight, pad, x), x);
		return Conv2d.conv2d(in, w, bias, stride, padding, dilation, groups).singletonOrThrow();
	}

	/** Weights with {@code pad} zero input channels appended; the zeros belong to {@code call}'s manager. */
	private static NDArray padWeights(NDArray weight, int pad, NDArray call) {
		Shape s = weight.getShape();
		return NDArrays.concat(new NDList(weight, zeros(call, new Shape(s.get(0), pad, s.get(2), s.get(3)))), 1);
	}

	/** {@code a}, made from a weight, handed to the manager of the call's input {@code x}: freed with the call's arrays. */
	private static NDArray owned(NDArray a, NDArray x) {
		a.attach(x.getManager());
		return a;
	}

	/** How many zero channels to append to an input of {@code channels} channels (0 when none are needed). */
	static int paddingChannels(long channels) {
		if (channels <= PLAIN_LAYOUT_MAX || channels % BLOCK == 0) {
			return 0;
		}
		return (int) (BLOCK - channels % BLOCK);
	}

	private static NDArray padChannels(NDArray x, int pad) {
		Shape s = x.getShape();
		return NDArrays.concat(new NDList(x, zeros(x, new Shape(s.get(0), pad, s.get(2), s.get(3)))), 1);
	}

	private static boolean isUnit(Shape s) {
		for (long v : s.getShape()) {
			if (v != 1) {
				return false;
			}
		}
		return true;
	}

	private static NDArray zeros(NDArray like, Shape shape) {
		return like.getManager().zeros(shape, like.getDataType(), like.getDevice());
	}

	private static NDArray value(Parameter p, ParameterStore ps, NDArray x, boolean training) {
		return ps.getValue(p, x.getDevice(), training);
	}
}
