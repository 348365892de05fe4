package io.github.landmarkj.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.engine.LandmarkModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

class LandmarkNetTest {
	static Stream<NetConfig> configs() {
		return Stream.of(
				NetConfig.defaultFace68(),
				NetConfig.builder().inputSize(64).landmarks(5).stemChannels(8).encoderChannels(8, 16).bottleneckChannels(16)
						.decoderChannels(8).occlusionChannels(4).alpha(0.25).attentionChannels(4).build(),
				NetConfig.builder().inputSize(96).landmarks(68).stemChannels(8).encoderChannels(8, 16, 16).bottleneckChannels(24)
						.decoderChannels(16, 8).occlusionChannels(4).alpha(0.5).attentionChannels(8).build(),
				NetConfig.builder().inputSize(128).landmarks(29).stemChannels(8).encoderChannels(8, 8, 16, 16).bottleneckChannels(16)
						.decoderChannels(16, 8, 8).occlusionChannels(4).alpha(0.25).attentionChannels(4).build(),
				NetConfig.defaultFace68().withAlpha(0),
				NetConfig.defaultFace68().withAttentionChannels(0),
				NetConfig.defaultFace68().withAlpha(0).withAttentionChannels(0));
	}

	@ParameterizedTest
	@MethodSource("configs")
	void outputsHeatmapsAtStrideFourAndOcclusionAtStrideEight(NetConfig config) {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			LandmarkNet net = new LandmarkNet(config);
			Shape input = new Shape(2, 3, config.inputSize, config.inputSize);
			net.initialize(manager, DataType.FLOAT32, input);
			NDList out = net.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(input)), false);
			int s = config.inputSize;
			assertEquals(new Shape(2, config.landmarks, s / 4, s / 4), out.get(0).getShape());
			assertEquals(new Shape(2, 1, s / 8, s / 8), out.get(1).getShape());
			assertArrayEquals(net.getOutputShapes(new Shape[] {input}), new Shape[] {out.get(0).getShape(), out.get(1).getShape()});
			float[] occlusion = out.get(1).toFloatArray();
			for (float v : occlusion) {
				// Closed interval: an untrained network's logits can be large enough that float32 sigmoid gives 0 or 1.
				assertTrue(v >= 0 && v <= 1, "occlusion is a probability, got " + v);
			}
		}
	}

	/**
	 * The inference form (batch norms folded, octave paths and attention projections merged, channels-last
	 * throughout) computes what the trained form computes, for every variant of the architecture; with batch
	 * norms whose statistics are not the identity, so that the folding shows.
	 */
	@ParameterizedTest
	@MethodSource("configs")
	void inferenceFormGivesTheTrainedFormsOutputs(NetConfig config) {
		ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed(15);
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			LandmarkNet net = new LandmarkNet(config);
			Shape input = new Shape(2, 3, config.inputSize, config.inputSize);
			net.initialize(manager, DataType.FLOAT32, input);
			net.getParameters().forEach(p -> {
				if (p.getKey().endsWith("runningVar") || p.getKey().endsWith("gamma")) {
					p.getValue().getArray().set(manager.randomUniform(0.5f, 2f, p.getValue().getArray().getShape()).toFloatArray());
				} else if (p.getKey().endsWith("runningMean") || p.getKey().endsWith("beta")) {
					p.getValue().getArray().set(manager.randomNormal(0, 0.3f, p.getValue().getArray().getShape(), DataType.FLOAT32).toFloatArray());
				}
			});
			NDList x = new NDList(manager.randomNormal(input));
			ParameterStore ps = new ParameterStore(manager, false);
			NDList trained = net.forward(ps, x, false);
			net.prepareInference();
			NDList prepared = net.forward(ps, x, false);
			for (int k = 0; k < 2; k++) {
				assertEquals(trained.get(k).getShape(), prepared.get(k).getShape());
				float[] a = trained.get(k).toFloatArray();
				float[] b = prepared.get(k).toFloatArray();
				float scale = 0;
				for (float v : a) {
					scale = Math.max(scale, Math.abs(v));
				}
				assertTrue(scale > 0, "output " + k + " is all zero: nothing compared");
				// Float rounding only: the fused form sums in another order through about twenty layers whose random
				// batch norms scale by up to 2 / sqrt(0.5); 1.15e-4 of the scale was seen. A wrong fusion is off by O(scale).
				assertArrayEquals(a, b, 1e-3f * Math.max(1, scale), "output " + k);
			}
		}
	}

	@Test
	void rejectsInputSizesThatDoNotHalveCleanly() {
		assertThrows(IllegalArgumentException.class,
				() -> NetConfig.builder().inputSize(100).landmarks(68).stemChannels(8).encoderChannels(8, 16, 32).bottleneckChannels(32)
						.decoderChannels(16, 8).occlusionChannels(4).alpha(0.25).attentionChannels(8).build());
		assertThrows(IllegalArgumentException.class,
				() -> NetConfig.builder().inputSize(128).landmarks(68).stemChannels(8).encoderChannels(8, 16, 32).bottleneckChannels(32)
						.decoderChannels(16).occlusionChannels(4).alpha(0.25).attentionChannels(8).build());
	}

	@Test
	void savedAndReloadedModelGivesIdenticalOutputs(@TempDir Path dir) throws Exception {
		NetConfig config = NetConfig.builder().inputSize(64).landmarks(5).stemChannels(8).encoderChannels(8, 16).bottleneckChannels(16)
				.decoderChannels(8).occlusionChannels(4).alpha(0.25).attentionChannels(4).build();
		float[] input = new float[3 * 64 * 64];
		Random rng = new Random(5);
		for (int i = 0; i < input.length; i++) {
			input[i] = (float) rng.nextGaussian();
		}
		List<float[]> batch = Collections.singletonList(input);
		Path weights = dir.resolve("w.params");
		Heatmaps before;
		try (LandmarkModel a = LandmarkModel.create(config, Device.cpu())) {
			before = a.predict(batch).get(0);
			a.saveWeights(weights);
		}
		try (LandmarkModel b = LandmarkModel.create(config, Device.cpu())) {
			Heatmaps fresh = b.predict(batch).get(0);
			b.loadWeights(weights);
			Heatmaps after = b.predict(batch).get(0);
			for (int m = 0; m < 5; m++) {
				assertArrayEquals(before.map(m), after.map(m), 0f);
			}
			assertArrayEquals(before.occlusionGrid(), after.occlusionGrid(), 0f);
			// A freshly initialised network differs, so the equality above is the reload's doing.
			assertTrue(!java.util.Arrays.equals(before.map(0), fresh.map(0)));
		}
	}
}
