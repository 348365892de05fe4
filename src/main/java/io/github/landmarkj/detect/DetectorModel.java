package io.github.landmarkj.detect;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.landmarkj.engine.BlockWeights;
import io.github.landmarkj.net.UltraLightRfbNet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The detector network on one device. Calls are serialised; give each worker thread its own instance. */
public final class DetectorModel implements AutoCloseable {
	private final Model model;
	private final Device device;

	private DetectorModel(Model model, Device device) {
		this.model = model;
		this.device = device;
	}

	/** The network with freshly initialised weights (to be loaded or converted). */
	public static DetectorModel create(Device device) {
		Model model = Model.newInstance("landmarkj-face-detector", device, "PyTorch");
		UltraLightRfbNet net = new UltraLightRfbNet();
		model.setBlock(net);
		net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 240, 320));
		return new DetectorModel(model, device);
	}

	public void loadWeights(InputStream stream, String origin) throws IOException {
		BlockWeights.read(model, stream, origin, "the face detector's architecture");
	}

	public void saveWeights(Path file) throws IOException {
		BlockWeights.write(model, file);
	}

	public UltraLightRfbNet network() {
		return (UltraLightRfbNet) model.getBlock();
	}

	public NDManager manager() {
		return model.getNDManager();
	}

	public Device device() {
		return device;
	}

	/** The raw output for one normalised input, planar 3 x height x width. */
	public synchronized SsdOutput predict(float[] input, int width, int height) {
		try (NDManager manager = model.getNDManager().newSubManager(device)) {
			NDList y = model.getBlock().forward(new ParameterStore(manager, false),
					new NDList(manager.create(input, new Shape(1, 3, height, width))), false);
			return new SsdOutput(width, height, y.get(0).toFloatArray(), y.get(1).toFloatArray());
		}
	}

	@Override
	public void close() {
		model.close();
	}
}
