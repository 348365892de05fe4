package io.github.landmarkj.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * The two resolution changes of an octave network (and of the face detector's top-down path).
 * Up-sampling is nearest-neighbour: DJL's PyTorch engine has no transposed convolution, and a resize
 * followed by a convolution avoids the checkerboard artefacts a transposed convolution would bring anyway.
 */
public final class Resampling {
	private static final Shape TWO = new Shape(2, 2);
	private static final Shape ZERO = new Shape(0, 0);
	/** DJL's interpolation mode number for nearest neighbour (torch::kNearest). */
	private static final int NEAREST = 0;

	private Resampling() {
	}

	/** 2x2 average pooling with stride 2 on an NCHW array. */
	public static NDArray down(NDArray x) {
		return Pool.avgPool2d(x, TWO, TWO, ZERO, false, true);
	}

	/**
	 * x2 nearest-neighbour up-sampling of an NCHW array: one upsample_nearest2d call (mode 0 of DJL's
	 * interpolation), where repeating rows and then columns took four operations and two copies. The
	 * result is the same, element for element (tested).
	 */
	public static NDArray up(NDArray x) {
		Shape s = x.getShape();
		return x.getNDArrayInternal().interpolation(new long[] {2 * s.get(2), 2 * s.get(3)}, NEAREST, false);
	}

	/** The same up-sampling by repetition, the reference for the test. */
	static NDArray upByRepetition(NDArray x) {
		return x.repeat(2, 2).repeat(3, 2);
	}

	static Shape halfShape(Shape s) {
		return new Shape(s.get(0), s.get(1), s.get(2) / 2, s.get(3) / 2);
	}

	static Shape doubleShape(Shape s) {
		return new Shape(s.get(0), s.get(1), s.get(2) * 2, s.get(3) * 2);
	}

	static Shape withChannels(Shape s, long channels) {
		return new Shape(s.get(0), channels, s.get(2), s.get(3));
	}
}
