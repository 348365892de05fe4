package io.github.landmarkj.detect;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The detector network on one device. Calls are serialised; give each worker thread its own instance. */
public final class DetectorModel implements AutoCloseable {
	private final Model model;
	private final DetectorConfig config;
	private final Device device;

	private DetectorModel(Model model, DetectorConfig config, Device device) {
		this.model = model;
		this.config = config;
		this.device = device;
	}

	/** A freshly initialised (untrained) network. */
	public static DetectorModel create(DetectorConfig config, Device device) {
		Model model = Model.newInstance("landmarkj-face-detector", device, "PyTorch");
		FaceDetectorNet net = new FaceDetectorNet(config);
		model.setBlock(net);
		net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, config.inputSize, config.inputSize));
		return new DetectorModel(model, config, device);
	}

	public void loadWeights(InputStream stream, String origin) throws IOException {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
			model.getBlock().loadParameters(model.getNDManager(), in);
		} catch (MalformedModelException | IllegalArgumentException e) {
			throw new IOException("Weights " + origin + " do not fit the detector's architecture: " + e.getMessage(), e);
		}
	}

	public void loadWeights(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			loadWeights(in, file.toString());
		}
	}

	public void saveWeights(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
			model.getBlock().saveParameters(out);
		}
		// Atomic replace: an interrupted save never leaves a half-written checkpoint.
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	public Model djlModel() {
		return model;
	}

	public DetectorConfig config() {
		return config;
	}

	public Device device() {
		return device;
	}

	/** The output for one normalised input, planar 3 x height x width (sides multiples of 32). */
	public synchronized DetectorOutput predict(float[] input, int width, int height) {
		int s = DetectorConfig.STRIDE, gw = width / s, gh = height / s;
		try (NDManager manager = model.getNDManager().newSubManager(device)) {
			NDList y = model.getBlock().forward(new ParameterStore(manager, false),
					new NDList(manager.create(input, new Shape(1, 3, height, width))), false);
			return new DetectorOutput(gw, gh, s, y.get(0).toFloatArray(), y.get(1).toFloatArray(), y.get(2).toFloatArray());
		}
	}

	@Override
	public void close() {
		model.close();
	}
}
