package io.github.landmarkj.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** The attention layer against the equations of DESIGN.md computed with plain loops. */
class MultiFrequencyAttentionTest {
	private static final int CH = 3; // channels of X_h
	private static final int CL = 2; // channels of X_l
	private static final int C = 2; // attention width
	private static final int H = 4; // X_h is H x H, X_l is H/2 x H/2

	@Test
	void matchesLoopReference() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			MultiFrequencyAttention attention = new MultiFrequencyAttention(C, CL);
			attention.initialize(manager, DataType.FLOAT32, new Shape(1, CH, H, H), new Shape(1, CL, H / 2, H / 2));
			Random rng = new Random(3);
			float[] xh = random(rng, CH * H * H);
			float[] xl = random(rng, CL * (H / 2) * (H / 2));
			Conv2d[] p = attention.projections();
			float[][] w = new float[4][];
			float[][] b = new float[4][];
			for (int k = 0; k < 4; k++) {
				w[k] = set(p[k].getParameters().get("weight"), rng);
				b[k] = set(p[k].getParameters().get("bias"), rng);
			}
			NDList out = attention.forward(new ParameterStore(manager, false),
					new NDList(manager.create(xh, new Shape(1, CH, H, H)), manager.create(xl, new Shape(1, CL, H / 2, H / 2))), false);

			int n = H * H, sl = (H / 2) * (H / 2);
			double[][] phi = conv1x1(w[0], b[0], xl, CL, C, sl);
			double[][] theta = conv1x1(w[1], b[1], xh, CH, C, n);
			double[][] gamma = conv1x1(w[2], b[2], xh, CH, C, n);
			double[][] y = new double[sl][n];
			for (int s = 0; s < sl; s++) {
				double max = Double.NEGATIVE_INFINITY;
				for (int j = 0; j < n; j++) {
					for (int c = 0; c < C; c++) {
						y[s][j] += phi[c][s] * theta[c][j];
					}
					max = Math.max(max, y[s][j]);
				}
				double sum = 0;
				for (int j = 0; j < n; j++) {
					y[s][j] = Math.exp(y[s][j] - max);
					sum += y[s][j];
				}
				for (int j = 0; j < n; j++) {
					y[s][j] /= sum;
				}
			}
			// Z = Y~ gamma^T: S_l x C, read as a C x H/2 x W/2 map.
			float[] z = new float[C * sl];
			for (int s = 0; s < sl; s++) {
				for (int c = 0; c < C; c++) {
					double v = 0;
					for (int j = 0; j < n; j++) {
						v += y[s][j] * gamma[c][j];
					}
					z[c * sl + s] = (float) v;
				}
			}
			double[][] update = conv1x1(w[3], b[3], z, C, CL, sl);
			float[] expected = new float[CL * sl];
			for (int c = 0; c < CL; c++) {
				for (int s = 0; s < sl; s++) {
					expected[c * sl + s] = (float) (update[c][s] + xl[c * sl + s]);
				}
			}
			assertArrayEquals(xh, out.get(0).toFloatArray(), 0f, "X_h passes unchanged");
			assertArrayEquals(expected, out.get(1).toFloatArray(), 1e-4f);
		}
	}

	@Test
	void zeroOutputProjectionIsIdentityOnLowPart() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			MultiFrequencyAttention attention = new MultiFrequencyAttention(C, CL);
			attention.initialize(manager, DataType.FLOAT32, new Shape(2, CH, H, H), new Shape(2, CL, H / 2, H / 2));
			Conv2d out = attention.projections()[3];
			zero(out.getParameters().get("weight"));
			zero(out.getParameters().get("bias"));
			NDArray xh = manager.randomNormal(new Shape(2, CH, H, H));
			NDArray xl = manager.randomNormal(new Shape(2, CL, H / 2, H / 2));
			NDList y = attention.forward(new ParameterStore(manager, false), new NDList(xh, xl), false);
			assertArrayEquals(xl.toFloatArray(), y.get(1).toFloatArray(), 0f);
			assertArrayEquals(xh.toFloatArray(), y.get(0).toFloatArray(), 0f);
			assertEquals(new Shape(2, CL, H / 2, H / 2), y.get(1).getShape());
		}
	}

	private static double[][] conv1x1(float[] weight, float[] bias, float[] x, int in, int out, int positions) {
		double[][] y = new double[out][positions];
		for (int o = 0; o < out; o++) {
			for (int s = 0; s < positions; s++) {
				double v = bias[o];
				for (int i = 0; i < in; i++) {
					v += weight[o * in + i] * x[i * positions + s];
				}
				y[o][s] = v;
			}
		}
		return y;
	}

	private static float[] random(Random rng, int n) {
		float[] v = new float[n];
		for (int i = 0; i < n; i++) {
			v[i] = (float) rng.nextGaussian();
		}
		return v;
	}

	private static float[] set(Parameter p, Random rng) {
		NDArray a = p.getArray();
		float[] v = random(rng, (int) a.size());
		a.set(v);
		return v;
	}

	private static void zero(Parameter p) {
		p.getArray().set(new float[(int) p.getArray().size()]);
	}
}
