package io.github.landmarkj.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class ResamplingTest {
	@Test
	void upSamplingIsNearestNeighbourElementForElement() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			NDArray x = manager.randomNormal(new Shape(2, 3, 5, 7));
			NDArray up = Resampling.up(x);
			assertEquals(new Shape(2, 3, 10, 14), up.getShape());
			assertArrayEquals(Resampling.upByRepetition(x).toFloatArray(), up.toFloatArray(), 0f);
			// Every output pixel (i, j) is input pixel (i / 2, j / 2).
			assertEquals(x.getFloat(1, 2, 4, 6), up.getFloat(1, 2, 9, 13), 0f);
			assertEquals(x.getFloat(0, 1, 2, 3), up.getFloat(0, 1, 4, 7), 0f);
		}
	}

	@Test
	void gradientsFlowBackAsTheSumOverEachTwoByTwoBlock() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			NDArray x = manager.randomNormal(new Shape(1, 1, 3, 4));
			x.setRequiresGradient(true);
			try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
				gc.backward(Resampling.up(x).sum());
			}
			float[] g = x.getGradient().toFloatArray();
			for (float v : g) {
				assertEquals(4f, v, 0f);
			}
		}
	}

	@Test
	void downSamplingAveragesEachTwoByTwoBlock() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			NDArray x = manager.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(1, 1, 2, 4));
			assertArrayEquals(new float[] {(1 + 2 + 5 + 6) / 4f, (3 + 4 + 7 + 8) / 4f}, Resampling.down(x).toFloatArray(), 1e-6f);
		}
	}
}
