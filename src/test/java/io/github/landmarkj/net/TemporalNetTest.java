package io.github.landmarkj.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class TemporalNetTest {
	private static final TemporalConfig SMALL = new TemporalConfig(4, 20, 16, 8, 1, true);

	@Test
	void givesACorrectionPerPointAndFrameForAnyTrackLength() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			TemporalNet net = new TemporalNet(SMALL);
			net.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 20));
			for (int frames : new int[] {1, 7, 40}) {
				NDArray x = manager.randomNormal(new Shape(3, frames, 20));
				NDList y = net.forward(new ParameterStore(manager, false), new NDList(x), false);
				assertEquals(new Shape(3, frames, 8), y.singletonOrThrow().getShape());
			}
			assertEquals(new Shape(3, 5, 8), net.getOutputShapes(new Shape[] {new Shape(3, 5, 20)})[0]);
		}
	}

	@Test
	void bidirectionalNetworkLetsLaterFramesChangeEarlierOnesAndForwardOnlyDoesNot() {
		for (boolean bidirectional : new boolean[] {true, false}) {
			try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
				TemporalNet net = new TemporalNet(new TemporalConfig(4, 20, 16, 8, 1, bidirectional));
				net.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 20));
				NDArray x = manager.randomNormal(new Shape(1, 6, 20));
				NDArray changed = x.duplicate();
				changed.set(new ai.djl.ndarray.index.NDIndex("0, 5, :"), 3f);
				float[] a = net.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow().get(0, 0).toFloatArray();
				float[] b = net.forward(new ParameterStore(manager, false), new NDList(changed), false).singletonOrThrow().get(0, 0).toFloatArray();
				if (bidirectional) {
					assertNotEquals(a[0], b[0]);
				} else {
					assertArrayEquals(a, b, 0f);
				}
			}
		}
	}
}
