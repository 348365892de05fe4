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
 * libtorch 2.7.1's oneDNN (3.7.1) convolutions on AVX-512 (and AVX2) CPUs reorder an NCHW input into a
 * channel-blocked layout (blocks of 16 channels). When a convolution has more than 8 input channels and
 * their number is not a multiple of the block, the padding lanes of the last block are left
 * uninitialised and enter the sums: the output depends on whatever that memory held before (zeros in
 * a fresh process, NaN or old activations later). Measured on an AMD EPYC with AVX-512: 24, 20, 40 or
 * 17 input channels give NaN outputs after memory was reused; 8, 12, 15, 16, 32 and 48 never do.
 * <p>
 * The same input laid out channels-last (NHWC) in memory takes oneDNN's NHWC kernels, which have no
 * padding lanes: exact against a loop convolution after memory was filled with NaN, for 9 to 72 input
 * channels, batches 1 to 16, strides, dilations and depthwise groups ({@code ConvolutionsTest}). So
 * every inference convolution here runs on a channels-last view of its input ({@link #channelsLast}).
 * Its output is channels-last too, as are ReLU, sums, concatenations, pooling and up-sampling of such
 * arrays, so along a network the view costs no copy; and NHWC kernels skip the two reorders per call
 * that the blocked layout needs. (The previous fix appended zero channels to the input and the weights of
 * every such call: two copies per convolution, about a quarter more time per forward at batch 1.)
 * <p>
 * Every array made here from a weight (a reshaped copy in training) belongs to the input's manager, the
 * call's: an array made by an operation on a weight would otherwise belong to the weight's manager, the
 * model's, and stay until the model is closed (1.4 MB and 18 kB of Java heap per inference, measured by
 * {@code engine/SoakBench}).
 */
public final class Convolutions {
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

	/** A 2D convolution as {@link Conv2d#conv2d}, run on a channels-last view of {@code x} (see the class comment). */
	public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation, int groups) {
		return conv2dOfChannelsLast(channelsLast(x), weight, bias, stride, padding, dilation, groups);
	}

	/**
	 * {@link #conv2d} without the four view calls of {@link #channelsLast}, for an input laid out channels-last
	 * already: the output of a convolution of this class, or of operations that keep the layout (ReLU, sums,
	 * average pooling, nearest up-sampling, concatenation along channels) applied to such arrays. A network
	 * whose inference runs only such operations converts its input once ({@code LandmarkNet}); at batch 1
	 * the saved calls are a large part of the time. An input laid out otherwise gives the same numbers on
	 * most CPUs and the uninitialised lanes of the class comment on some: keep to the contract.
	 */
	public static NDArray conv2dOfChannelsLast(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation,
			int groups) {
		Shape k = weight.getShape();
		if (groups == 1 && k.get(2) == 1 && k.get(3) == 1 && isUnit(stride) && isZero(padding)) {
			return pointwise(x, weight, bias);
		}
		return Conv2d.conv2d(x, weight, bias, stride, padding, dilation, groups).singletonOrThrow();
	}

	/**
	 * A 1 x 1 convolution (stride 1, no padding) of a channels-last input as the matrix product it is: the
	 * N H W x C pixels times the C x O weights. oneDNN's own 1 x 1 kernel on channels-last inputs (taken
	 * for batches of 16 or more, or with several threads) gave wrong sums for some output counts (33, 65,
	 * 68, 80 of those tested); a matrix product has no such case. The output is channels-last.
	 */
	private static NDArray pointwise(NDArray x, NDArray weight, NDArray bias) {
		Shape s = x.getShape();
		long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3), outputs = weight.getShape().get(0);
		NDArray pixels = x.transpose(0, 2, 3, 1).reshape(n * h * w, c);
		NDArray y = pixels.matMul(owned(weight.reshape(outputs, c), x).transpose());
		if (bias != null) {
			y = y.add(bias);
		}
		return y.reshape(n, h, w, outputs).transpose(0, 3, 1, 2);
	}

	/**
	 * The same values as an NCHW array whose memory is laid out channels-last (NHWC): PyTorch's
	 * channels_last memory format. A copy when {@code x} is laid out otherwise; views only (no copy) when
	 * it already is, e.g. the output of a convolution of this class.
	 */
	public static NDArray channelsLast(NDArray x) {
		Shape s = x.getShape();
		long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
		// Flattening the NHWC view copies it into NHWC order unless it is one already.
		return x.transpose(0, 2, 3, 1).reshape(n, h * w * c).reshape(n, h, w, c).transpose(0, 3, 1, 2);
	}

	/** {@code a}, made from a weight, handed to the manager of the call's input {@code x}: freed with the call's arrays. */
	private static NDArray owned(NDArray a, NDArray x) {
		a.attach(x.getManager());
		return a;
	}

	private static boolean isZero(Shape s) {
		for (long v : s.getShape()) {
			if (v != 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean isUnit(Shape s) {
		for (long v : s.getShape()) {
			if (v != 1) {
				return false;
			}
		}
		return true;
	}

	private static NDArray value(Parameter p, ParameterStore ps, NDArray x, boolean training) {
		return ps.getValue(p, x.getDevice(), training);
	}
}
