package io.github.landmarkj.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * The two resolution changes of an octave network. Up-sampling is nearest-neighbour by element
 * repetition: DJL's PyTorch engine has no transposed convolution, and a resize followed by a
 * convolution avoids the checkerboard artefacts a transposed convolution would bring anyway.
 */
final class Resampling {
	private static final Shape TWO = new Shape(2, 2);
	private static final Shape ZERO = new Shape(0, 0);

	private Resampling() {
	}

	/** 2x2 average pooling with stride 2 on an NCHW array. */
	static NDArray down(NDArray x) {
		return Pool.avgPool2d(x, TWO, TWO, ZERO, false, true);
	}

	/** x2 nearest-neighbour up-sampling of an NCHW array. */
	static NDArray up(NDArray x) {
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
