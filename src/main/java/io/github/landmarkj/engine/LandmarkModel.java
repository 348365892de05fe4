package io.github.landmarkj.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.net.LandmarkNet;
import io.github.landmarkj.net.NetConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded landmark network on one device. Runs batches of normalised crops and returns their heat
 * maps. Calls are serialised: give each worker thread its own instance for parallel batches.
 */
public final class LandmarkModel implements AutoCloseable {
	private final DeviceNetwork network;
	private final NetConfig config;
	private boolean preparedForInference;

	private LandmarkModel(DeviceNetwork network, NetConfig config) {
		this.network = network;
		this.config = config;
	}

	/** A freshly initialised (untrained) network. */
	public static LandmarkModel create(NetConfig config, Device device) {
		return new LandmarkModel(untrained(config, device), config);
	}

	/** The network of a located model on a device. */
	public static LandmarkModel load(ModelLocator.LocatedModel<LandmarkSpec> located, Device device) throws IOException {
		NetConfig config = located.pkg.spec().net;
		return new LandmarkModel(untrained(config, device).withWeights(located.weights(), located.origin), config);
	}

	private static DeviceNetwork untrained(NetConfig config, Device device) {
		return DeviceNetwork.create("landmarkj", device, () -> new LandmarkNet(config), new Shape(1, 3, config.inputSize, config.inputSize),
				"this architecture");
	}

	public void loadWeights(Path file) throws IOException {
		network.readWeights(file);
		prepareAgainForInference();
	}

	/** The checked weights of a located model (e.g. to fine-tune from it). */
	public void loadWeights(ModelLocator.LocatedModel<LandmarkSpec> located) throws IOException {
		network.readWeights(located.weights(), located.origin);
		prepareAgainForInference();
	}

	private void prepareAgainForInference() {
		if (preparedForInference) {
			((LandmarkNet) network.block()).prepareInference();
		}
	}

	/**
	 * Makes {@link #predict} run the network's inference form ({@link LandmarkNet#prepareInference}: batch
	 * norms folded into the convolutions, octave paths and attention projections merged, channels-last
	 * arrays throughout): the same outputs to float rounding in far fewer PyTorch calls. For models that only
	 * predict: a trainer's updates would not reach the prepared copy, so the trainer never calls this.
	 */
	public void prepareForInference() {
		((LandmarkNet) network.block()).prepareInference();
		preparedForInference = true;
	}

	public void saveWeights(Path file) throws IOException {
		network.writeWeights(file);
	}

	public Model djlModel() {
		return network.model();
	}

	public NetConfig config() {
		return config;
	}

	public Device device() {
		return network.device();
	}

	/** Heat maps for a batch of normalised crops, each 3 x S x S planar (see {@link HeatmapTranslator}). */
	public synchronized List<Heatmaps> predict(List<float[]> inputs) {
		return new Network<>(network.model(), new HeatmapTranslator(config)).run(inputs);
	}

	@Override
	public void close() {
		network.close();
	}
}
