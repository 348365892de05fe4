package io.github.landmarkj.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.landmarkj.net.TemporalConfig;
import io.github.landmarkj.net.TemporalNet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporal network on one device: runs one track's feature sequence and returns its corrections.
 * Calls are serialised.
 */
public final class TemporalModel implements AutoCloseable {
	private final Model model;
	private final TemporalConfig config;
	private final Device device;

	private TemporalModel(Model model, TemporalConfig config, Device device) {
		this.model = model;
		this.config = config;
		this.device = device;
	}

	/** A freshly initialised (untrained) network. */
	public static TemporalModel create(TemporalConfig config, Device device) {
		Model model = Model.newInstance("landmarkj-temporal", device, "PyTorch");
		TemporalNet net = new TemporalNet(config);
		model.setBlock(net);
		net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2, config.inputWidth()));
		return new TemporalModel(model, config, device);
	}

	/** The network of a located temporal model (its weights already checked against their SHA-256). */
	public static TemporalModel load(ModelLocator.LocatedModel<TemporalConfig> located, Device device) throws IOException {
		return load(located.pkg.spec(), located.weights(), located.origin, device);
	}

	private static TemporalModel load(TemporalConfig config, InputStream weights, String origin, Device device) throws IOException {
		TemporalModel m = create(config, device);
		try {
			BlockWeights.read(m.model, weights, origin, "this temporal architecture");
		} catch (IOException | RuntimeException e) {
			m.close();
			throw e;
		}
		return m;
	}

	public void loadWeights(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			BlockWeights.read(model, in, file.toString(), "this temporal architecture");
		}
	}

	/** Writes the weights atomically (temporary file, then move). */
	public void saveWeights(Path file) throws IOException {
		BlockWeights.write(model, file);
	}

	public Model djlModel() {
		return model;
	}

	public TemporalConfig config() {
		return config;
	}

	/**
	 * Corrections for one run of frames.
	 * @param features frames x inputWidth, @return frames x outputWidth
	 */
	public synchronized float[] predict(float[] features, int frames) {
		if (features.length != frames * config.inputWidth()) {
			throw new IllegalArgumentException("Expected " + frames + " x " + config.inputWidth() + " features, got " + features.length);
		}
		try (NDManager manager = model.getNDManager().newSubManager(device)) {
			NDArray x = manager.create(features, new Shape(1, frames, config.inputWidth()));
			NDList y = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false);
			return y.singletonOrThrow().toFloatArray();
		}
	}

	@Override
	public void close() {
		model.close();
	}
}
