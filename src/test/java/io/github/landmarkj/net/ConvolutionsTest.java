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
	@Test
	void padsInputChannelsToTheBlockOnlyWhereOneDnnBlocksThem() {
		assertEquals(0, Convolutions.paddingChannels(3));
		assertEquals(0, Convolutions.paddingChannels(8));
		assertEquals(4, Convolutions.paddingChannels(12));
		assertEquals(0, Convolutions.paddingChannels(16));
		assertEquals(15, Convolutions.paddingChannels(17));
		assertEquals(8, Convolutions.paddingChannels(24));
		assertEquals(0, Convolutions.paddingChannels(48));
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
