package io.github.landmarkj.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import io.github.landmarkj.net.TemporalConfig;
import io.github.landmarkj.net.TemporalNet;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A temporal network on one device: runs one track's feature sequence and returns its corrections.
 * Calls are serialised.
 */
public final class TemporalModel implements AutoCloseable {
	private final DeviceNetwork network;
	private final TemporalConfig config;

	private TemporalModel(DeviceNetwork network, TemporalConfig config) {
		this.network = network;
		this.config = config;
	}

	/** A freshly initialised (untrained) network. */
	public static TemporalModel create(TemporalConfig config, Device device) {
		return new TemporalModel(untrained(config, device), config);
	}

	/** The network of a located temporal model (its weights already checked against their SHA-256). */
	public static TemporalModel load(ModelLocator.LocatedModel<TemporalConfig> located, Device device) throws IOException {
		TemporalConfig config = located.pkg.spec();
		return new TemporalModel(untrained(config, device).withWeights(located.weights(), located.origin), config);
	}

	private static DeviceNetwork untrained(TemporalConfig config, Device device) {
		return DeviceNetwork.create("landmarkj-temporal", device, () -> new TemporalNet(config), new Shape(1, 2, config.inputWidth()),
				"this temporal architecture");
	}

	public void loadWeights(Path file) throws IOException {
		network.readWeights(file);
	}

	/** Writes the weights atomically (temporary file, then move). */
	public void saveWeights(Path file) throws IOException {
		network.writeWeights(file);
	}

	public Model djlModel() {
		return network.model();
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
		return network.forward(manager -> new NDList(manager.create(features, new Shape(1, frames, config.inputWidth()))),
				y -> y.singletonOrThrow().toFloatArray());
	}

	@Override
	public void close() {
		network.close();
	}
}
