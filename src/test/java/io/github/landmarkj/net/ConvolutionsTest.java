package io.github.landmarkj.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.Random;

class ConvolutionsTest {
	/**
	 * The channel counts, batches and geometries of LandmarkJ's networks and around them (9 to 72 input
	 * channels, 5 to 80 outputs, 1 x 1 and 3 x 3 kernels, strides 1 and 2, dilations 1 to 3, depthwise
	 * groups, batches 1 to 17; oneDNN's channels-last 1 x 1 kernel was wrong for 68 outputs at batch 16):
	 * each convolution equals the loop convolution after memory was filled with NaN, and a second
	 * convolution applied to the first one's (channels-last) output does too.
	 */
	@Test
	void everyGeometryGivesTheLoopConvolutionWhateverMemoryHeldBefore() {
		// {batch, in channels, out channels, kernel, stride, dilation, groups}
		int[][] cases = {{1, 9, 5, 3, 1, 1, 1}, {1, 12, 16, 3, 1, 1, 1}, {1, 17, 7, 3, 1, 1, 1}, {2, 20, 12, 3, 2, 1, 1},
				{1, 24, 24, 1, 1, 1, 1}, {1, 24, 33, 3, 1, 2, 1}, {16, 24, 20, 3, 1, 1, 1}, {1, 36, 18, 3, 1, 1, 1},
				{1, 40, 40, 3, 1, 1, 40}, {2, 48, 24, 3, 2, 1, 48 / 2}, {1, 72, 68, 1, 1, 1, 1}, {1, 72, 24, 3, 1, 3, 1},
				{16, 40, 12, 1, 1, 1, 1}, {1, 24, 24, 3, 2, 1, 24}, {16, 32, 68, 1, 1, 1, 1}, {16, 24, 33, 1, 1, 1, 1}, {17, 12, 80, 1, 1, 1, 1},
				{16, 36, 65, 3, 1, 1, 1}, {16, 72, 68, 3, 1, 1, 1}, {16, 64, 64, 3, 2, 1, 64}};
		Random rng = new Random(13);
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			for (int[] k : cases) {
				int n = k[0], c = k[1], oc = k[2], kernel = k[3], stride = k[4], dilation = k[5], groups = k[6];
				int h = 13, w = 11, pad = dilation * (kernel / 2);
				float[] x = random(rng, n * c * h * w);
				float[] weight = random(rng, oc * (c / groups) * kernel * kernel);
				float[] bias = random(rng, oc);
				Geometry g = new Geometry(n, c, h, w, oc, kernel, stride, pad, dilation, groups);
				float[] expected = g.loop(x, weight, bias);
				// A second convolution (3 x 3, same channels in and out) on the first one's output.
				Geometry g2 = new Geometry(n, oc, g.outH(), g.outW(), oc, 3, 1, 1, 1, 1);
				float[] weight2 = random(rng, oc * oc * 9);
				float[] expected2 = g2.loop(expected, weight2, new float[oc]);
				for (long size = 1000; size < 8_000_000; size *= 2) {
					manager.full(new Shape(size), Float.NaN).close();
				}
				NDArray y = Convolutions.conv2d(manager.create(x, new Shape(n, c, h, w)), manager.create(weight, new Shape(oc, c / groups,
						kernel, kernel)), manager.create(bias), new Shape(stride, stride), new Shape(pad, pad), new Shape(dilation, dilation), groups);
				NDArray y2 = Convolutions.conv2d(y, manager.create(weight2, new Shape(oc, oc, 3, 3)), null, new Shape(1, 1), new Shape(1, 1),
						new Shape(1, 1), 1);
				String what = java.util.Arrays.toString(k);
				assertEquals(new Shape(n, oc, g.outH(), g.outW()), y.getShape(), what);
				assertArrayEquals(expected, y.toFloatArray(), 1e-3f, what);
				assertArrayEquals(expected2, y2.toFloatArray(), 1e-2f, what + " then 3 x 3");
			}
		}
	}

	@Test
	void theChannelsLastViewHoldsTheSameValues() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			NDArray x = manager.arange(2 * 3 * 4 * 5f).reshape(2, 3, 4, 5);
			NDArray view = Convolutions.channelsLast(x);
			assertEquals(x.getShape(), view.getShape());
			assertArrayEquals(x.toFloatArray(), view.toFloatArray());
			assertArrayEquals(x.toFloatArray(), Convolutions.channelsLast(view).toFloatArray());
		}
	}

	/** A convolution's geometry and the plain loop that computes it (NCHW arrays, OIHW weights). */
	private static final class Geometry {
		final int n, c, h, w, oc, k, stride, pad, dilation, groups;

		Geometry(int n, int c, int h, int w, int oc, int k, int stride, int pad, int dilation, int groups) {
			this.n = n;
			this.c = c;
			this.h = h;
			this.w = w;
			this.oc = oc;
			this.k = k;
			this.stride = stride;
			this.pad = pad;
			this.dilation = dilation;
			this.groups = groups;
		}

		int outH() {
			return (h + 2 * pad - dilation * (k - 1) - 1) / stride + 1;
		}

		int outW() {
			return (w + 2 * pad - dilation * (k - 1) - 1) / stride + 1;
		}

		float[] loop(float[] x, float[] weight, float[] bias) {
			int oh = outH(), ow = outW(), cg = c / groups, og = oc / groups;
			float[] out = new float[n * oc * oh * ow];
			for (int i = 0; i < n; i++) {
				for (int o = 0; o < oc; o++) {
					int g = o / og;
					for (int y = 0; y < oh; y++) {
						for (int z = 0; z < ow; z++) {
							double sum = bias[o];
							for (int ci = 0; ci < cg; ci++) {
								int ch = g * cg + ci;
								for (int dy = 0; dy < k; dy++) {
									for (int dz = 0; dz < k; dz++) {
										int yy = y * stride - pad + dy * dilation, zz = z * stride - pad + dz * dilation;
										if (yy >= 0 && yy < h && zz >= 0 && zz < w) {
											sum += x[((i * c + ch) * h + yy) * w + zz] * weight[((o * cg + ci) * k + dy) * k + dz];
										}
									}
								}
							}
							out[((i * oc + o) * oh + y) * ow + z] = (float) sum;
						}
					}
				}
			}
			return out;
		}
	}

	/**
	 * 24 input channels: the case that gave NaN on an AVX-512 CPU once freed memory held NaN. The memory
	 * is filled with NaN first, then the convolution must equal a plain loop, every time.
	 */
	@Test
	void twentyFourChannelsGiveTheLoopConvolutionWhateverMemoryHeldBefore() {
		int n = 2, c = 24, h = 9, w = 7, oc = 5;
		Random rng = new Random(11);
		float[] x = random(rng, n * c * h * w);
		float[] k = random(rng, oc * c * 9);
		float[] b = random(rng, oc);
		float[] expected = loopConvolution(x, k, b, n, c, h, w, oc);
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			NDArray in = manager.create(x, new Shape(n, c, h, w));
			NDArray weight = manager.create(k, new Shape(oc, c, 3, 3));
			NDArray bias = manager.create(b, new Shape(oc));
			for (int run = 0; run < 3; run++) {
				for (long size = 1000; size < 4_000_000; size *= 2) {
					manager.full(new Shape(size), Float.NaN).close();
				}
				NDArray y = Convolutions.conv2d(in, weight, bias, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1);
				assertArrayEquals(expected, y.toFloatArray(), 1e-4f, "run " + run);
				y.close();
			}
		}
	}

	/**
	 * Arrays made from a weight (its zero-padded copy, its matrix) belong to the call's input's manager:
	 * in the weight's manager, the model's, they stayed until the model was closed (1.4 MB an inference).
	 */
	@Test
	void arraysMadeFromTheWeightsAreFreedWithTheCallNotKeptWithTheWeights() {
		int n = 2, c = 24, h = 9, w = 7, oc = 5;
		Random rng = new Random(13);
		try (NDManager model = NDManager.newBaseManager("PyTorch")) {
			NDArray weight = model.create(random(rng, oc * c * 9), new Shape(oc, c, 3, 3));
			NDArray bias = model.create(random(rng, oc), new Shape(oc));
			int held = ((ai.djl.ndarray.BaseNDManager) model).getManagedArrays().size();
			for (int call = 0; call < 3; call++) {
				try (NDManager scope = model.newSubManager()) {
					NDArray in = scope.create(random(rng, n * c * h * w), new Shape(n, c, h, w));
					Convolutions.conv2d(in, weight, bias, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1);
					Convolutions.byMatrixProduct(in, weight, bias, new Shape(1, 1), new Shape(1, 1));
				}
				assertEquals(held, ((ai.djl.ndarray.BaseNDManager) model).getManagedArrays().size(), "call " + call);
			}
		}
	}

	@Test
	void theMatrixProductConvolutionIsTheLoopConvolutionAndItsWeightGradientIsTheLoopOne() {
		int n = 2, c = 24, h = 9, w = 7, oc = 5;
		Random rng = new Random(12);
		float[] x = random(rng, n * c * h * w);
		float[] k = random(rng, oc * c * 9);
		float[] b = random(rng, oc);
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			for (long size = 1000; size < 4_000_000; size *= 2) {
				manager.full(new Shape(size), Float.NaN).close();
			}
			NDArray in = manager.create(x, new Shape(n, c, h, w));
			NDArray weight = manager.create(k, new Shape(oc, c, 3, 3));
			weight.setRequiresGradient(true);
			NDArray y;
			try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
				y = Convolutions.byMatrixProduct(in, weight, manager.create(b, new Shape(oc)), new Shape(1, 1), new Shape(1, 1));
				gc.backward(y.sum());
			}
			assertArrayEquals(loopConvolution(x, k, b, n, c, h, w, oc), y.toFloatArray(), 1e-4f);
			// d sum(y) / d k[o][ch][dy][dx] = sum over images and positions of the input under that tap.
			float[] expected = new float[oc * c * 9];
			for (int o = 0; o < oc; o++) {
				for (int ch = 0; ch < c; ch++) {
					for (int dy = -1; dy <= 1; dy++) {
						for (int dz = -1; dz <= 1; dz++) {
							double sum = 0;
							for (int i = 0; i < n; i++) {
								for (int yy = Math.max(0, -dy); yy < Math.min(h, h - dy); yy++) {
									for (int zz = Math.max(0, -dz); zz < Math.min(w, w - dz); zz++) {
										sum += x[((i * c + ch) * h + yy + dy) * w + zz + dz];
									}
								}
							}
							expected[((o * c + ch) * 3 + dy + 1) * 3 + dz + 1] = (float) sum;
						}
					}
				}
			}
			assertArrayEquals(expected, weight.getGradient().toFloatArray(), 1e-3f);
		}
	}

	@Test
	void theMatrixProductConvolutionStridesLikeLibtorch() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			NDArray x = manager.randomNormal(new Shape(1, 4, 9, 8));
			NDArray weight = manager.randomNormal(new Shape(3, 4, 3, 3));
			NDArray bias = manager.randomNormal(new Shape(3));
			NDArray expected = Convolutions.conv2d(x, weight, bias, new Shape(2, 2), new Shape(1, 1), new Shape(1, 1), 1);
			NDArray actual = Convolutions.byMatrixProduct(x, weight, bias, new Shape(2, 2), new Shape(1, 1));
			assertEquals(expected.getShape(), actual.getShape());
			assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), 1e-4f);
		}
	}

	private static float[] loopConvolution(float[] x, float[] k, float[] b, int n, int c, int h, int w, int oc) {
		float[] out = new float[n * oc * h * w];
		for (int i = 0; i < n; i++) {
			for (int o = 0; o < oc; o++) {
				for (int y = 0; y < h; y++) {
					for (int z = 0; z < w; z++) {
						double sum = b[o];
						for (int ch = 0; ch < c; ch++) {
							for (int dy = -1; dy <= 1; dy++) {
								for (int dz = -1; dz <= 1; dz++) {
									int yy = y + dy, zz = z + dz;
									if (yy >= 0 && yy < h && zz >= 0 && zz < w) {
										sum += x[((i * c + ch) * h + yy) * w + zz] * k[((o * c + ch) * 3 + dy + 1) * 3 + dz + 1];
									}
								}
							}
						}
						out[((i * oc + o) * h + y) * w + z] = (float) sum;
					}
				}
			}
		}
		return out;
	}

	private static float[] random(Random rng, int size) {
		float[] a = new float[size];
		for (int i = 0; i < size; i++) {
			a[i] = (float) rng.nextGaussian();
		}
		return a;
	}
}
