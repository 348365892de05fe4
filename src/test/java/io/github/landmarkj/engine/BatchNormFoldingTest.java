package io.github.landmarkj.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.landmarkj.core.Heatmaps;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inference with the batch norms folded into the convolutions gives the bundled model's outputs to
 * float rounding; this also checks that the folding uses the epsilon the weights were trained with.
 */
class BatchNormFoldingTest {
	@Test
	void foldedModelPredictsWhatTheTrainedModelPredicts() throws Exception {
		ModelLocator.LocatedModel<LandmarkSpec> located = ModelLocator.locate("face68");
		int s = located.pkg.spec().net.inputSize;
		Random rng = new Random(3);
		List<float[]> inputs = new ArrayList<>();
		for (int n = 0; n < 3; n++) {
			float[] x = new float[3 * s * s];
			for (int i = 0; i < x.length; i++) {
				x[i] = (float) rng.nextGaussian();
			}
			inputs.add(x);
		}
		try (LandmarkModel plain = LandmarkModel.load(located, Device.cpu());
				LandmarkModel folded = LandmarkModel.load(located, Device.cpu())) {
			folded.prepareForInference();
			List<Heatmaps> a = plain.predict(inputs);
			List<Heatmaps> b = folded.predict(inputs);
			for (int n = 0; n < inputs.size(); n++) {
				for (int m = 0; m < a.get(n).count; m++) {
					assertClose(a.get(n).map(m), b.get(n).map(m), 1e-4f, "heat map " + m + " of input " + n);
				}
				assertClose(a.get(n).occlusionGrid(), b.get(n).occlusionGrid(), 1e-4f, "occlusion of input " + n);
			}
		}
	}

	private static void assertClose(float[] expected, float[] actual, float tolerance, String what) {
		float worst = 0, scale = 0;
		for (int i = 0; i < expected.length; i++) {
			worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
			scale = Math.max(scale, Math.abs(expected[i]));
		}
		assertTrue(scale > 0, what + " is all zero: nothing compared");
		assertTrue(worst <= tolerance * Math.max(1, scale), what + ": largest difference " + worst + " (values up to " + scale + ")");
	}
}
