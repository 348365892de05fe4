package io.github.landmarkj.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
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
 */
public final class Convolutions {
	/** The channel block of oneDNN's AVX-512 layouts; a multiple of the AVX2 block (8). */
	static final int BLOCK = 16;
	/** Up to this many input channels oneDNN uses a plain (unblocked) input layout. */
	static final int PLAIN_LAYOUT_MAX = 8;

	private Convolutions() {
	}

	/** The block's convolution on {@code x} (NCHW), with the block's own weights, bias and geometry. */
	public static NDArray forward(Conv2d conv, ParameterStore ps, NDArray x, boolean training) {
		NDArray weight = value(conv.getParameters().get("weight"), ps, x, training);
		NDArray bias = conv.isIncludeBias() ? value(conv.getParameters().get("bias"), ps, x, training) : null;
		return conv2d(x, weight, bias, conv.getStride(), conv.getPadding(), conv.getDilation(), conv.getGroups());
	}

	/** A 2D convolution as {@link Conv2d#conv2d}, with input channels zero-padded where oneDNN needs it. */
	public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation, int groups) {
		long channels = x.getShape().get(1);
		int pad = groups == 1 ? paddingChannels(channels) : 0;
		NDArray in = pad == 0 ? x : padChannels(x, pad);
		NDArray w = pad == 0 ? weight : padWeights(weight, pad);
		return Conv2d.conv2d(in, w, bias, stride, padding, dilation, groups).singletonOrThrow();
	}

	/** Weights with {@code pad} zero input channels appended, for a convolution run many times. */
	public static NDArray padWeights(NDArray weight, int pad) {
		Shape s = weight.getShape();
		return NDArrays.concat(new NDList(weight, weight.getManager().zeros(new Shape(s.get(0), pad, s.get(2), s.get(3)),
				weight.getDataType())), 1);
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
		return NDArrays.concat(new NDList(x, x.getManager().zeros(new Shape(s.get(0), pad, s.get(2), s.get(3)), x.getDataType())), 1);
	}

	private static NDArray value(Parameter p, ParameterStore ps, NDArray x, boolean training) {
		return ps.getValue(p, x.getDevice(), training);
	}
}
