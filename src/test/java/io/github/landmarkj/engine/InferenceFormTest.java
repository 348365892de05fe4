package io.github.landmarkj.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.landmarkj.core.Heatmaps;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The inference form of the bundled model ({@link LandmarkModel#prepareForInference}: batch norms folded into
 * the convolutions with the epsilon the weights were trained with, octave paths and attention projections
 * merged, channels-last arrays throughout) predicts what the trained form predicts, to float rounding.
 */
class InferenceFormTest {
	@Test
	void preparedModelPredictsWhatTheTrainedModelPredicts() throws Exception {
		ModelLocator.LocatedModel<LandmarkSpec> located = ModelLocator.locate("face68");
		List<float[]> inputs = inputs(located.pkg.spec().net.inputSize, 3);
		try (LandmarkModel plain = LandmarkModel.load(located, Device.cpu());
				LandmarkModel prepared = LandmarkModel.load(located, Device.cpu())) {
			prepared.prepareForInference();
			List<Heatmaps> a = plain.predict(inputs);
			fillFreedMemoryWithNaN();
			List<Heatmaps> b = prepared.predict(inputs);
			for (int n = 0; n < inputs.size(); n++) {
				assertSame(a.get(n), b.get(n), 1e-4f, "input " + n);
			}
		}
	}

	/**
	 * Each face of a batch gets its own outputs (the batch is one tensor in and one copy out, split in Java), the
	 * same as alone at batch 1, also for a batch of 16, where libtorch takes other kernels.
	 */
	@Test
	void eachFaceOfABatchGetsWhatItGetsAlone() throws Exception {
		ModelLocator.LocatedModel<LandmarkSpec> located = ModelLocator.locate("face68");
		List<float[]> inputs = inputs(located.pkg.spec().net.inputSize, 16);
		try (LandmarkModel model = LandmarkModel.load(located, Device.cpu())) {
			model.prepareForInference();
			List<Heatmaps> batch = model.predict(inputs);
			for (int n : new int[] {0, 7, 15}) {
				assertSame(model.predict(Collections.singletonList(inputs.get(n))).get(0), batch.get(n), 1e-4f, "face " + n + " of 16");
			}
		}
	}

	private static List<float[]> inputs(int s, int count) {
		Random rng = new Random(3);
		List<float[]> inputs = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			float[] x = new float[3 * s * s];
			for (int i = 0; i < x.length; i++) {
				x[i] = (float) rng.nextGaussian();
			}
			inputs.add(x);
		}
		return inputs;
	}

	/** Memory reused by the next arrays holds NaN: a convolution that reads uninitialised lanes shows it (see net/Convolutions). */
	private static void fillFreedMemoryWithNaN() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			for (long size = 1000; size < 8_000_000; size *= 2) {
				manager.full(new Shape(size), Float.NaN).close();
			}
		}
	}

	private static void assertSame(Heatmaps expected, Heatmaps actual, float tolerance, String what) {
		for (int m = 0; m < expected.count; m++) {
			assertClose(expected.map(m), actual.map(m), tolerance, "heat map " + m + " of " + what);
		}
		assertClose(expected.occlusionGrid(), actual.occlusionGrid(), tolerance, "occlusion of " + what);
	}

	private static void assertClose(float[] expected, float[] actual, float tolerance, String what) {
		assertArrayEquals(new int[] {expected.length}, new int[] {actual.length}, what + ": sizes");
		float worst = 0, scale = 0;
		for (int i = 0; i < expected.length; i++) {
			worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
			scale = Math.max(scale, Math.abs(expected[i]));
		}
		assertTrue(scale > 0, what + " is all zero: nothing compared");
		assertTrue(worst <= tolerance * Math.max(1, scale), what + ": largest difference " + worst + " (values up to " + scale + ")");
	}
}
