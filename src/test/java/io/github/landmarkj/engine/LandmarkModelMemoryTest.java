package io.github.landmarkj.engine;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import io.github.landmarkj.net.NetConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Inference leaves nothing behind in the model: the soak's flat memory, checked without running 10,000 inferences. */
class LandmarkModelMemoryTest {
	@Test
	void predictionsLeaveNoArrayInTheModelsManager() {
		// 12 stem channels: a convolution whose input oneDNN would block and Convolutions pads.
		NetConfig config = NetConfig.builder().inputSize(64).landmarks(68).stemChannels(12).encoderChannels(12, 24).bottleneckChannels(24)
				.decoderChannels(12).occlusionChannels(4).alpha(0.25).attentionChannels(4).build();
		try (LandmarkModel model = LandmarkModel.create(config, Device.cpu())) {
			model.prepareForInference();
			BaseNDManager manager = (BaseNDManager) model.djlModel().getNDManager();
			model.predict(crops(1, config.inputSize));
			int held = manager.getManagedArrays().size();
			for (int batch : new int[] {1, 3, 1, 5}) {
				model.predict(crops(batch, config.inputSize));
				assertEquals(held, manager.getManagedArrays().size(), "arrays in the model's manager after a batch of " + batch);
			}
		}
	}

	private static List<float[]> crops(int n, int size) {
		Random rng = new Random(n);
		List<float[]> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			float[] c = new float[3 * size * size];
			for (int j = 0; j < c.length; j++) {
				c[j] = rng.nextFloat() - 0.5f;
			}
			out.add(c);
		}
		return out;
	}
}
