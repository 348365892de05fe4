package io.github.landmarkj.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.net.LandmarkNet;
import io.github.landmarkj.net.NetConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded landmark network on one device. Runs batches of normalised crops and returns their heat
 * maps. Calls are serialised: give each worker thread its own instance for parallel batches.
 */
public final class LandmarkModel implements AutoCloseable {
	private final Model model;
	private final NetConfig config;
	private final Device device;
	private boolean preparedForInference;

	private LandmarkModel(Model model, NetConfig config, Device device) {
		this.model = model;
		this.config = config;
		this.device = device;
	}

	/** A freshly initialised (untrained) network. */
	public static LandmarkModel create(NetConfig config, Device device) {
		Model model = Model.newInstance("landmarkj", device, "PyTorch");
		LandmarkNet net = new LandmarkNet(config);
		model.setBlock(net);
		net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, config.inputSize, config.inputSize));
		return new LandmarkModel(model, config, device);
	}

	/** The network of a located model on a device. */
	public static LandmarkModel load(ModelLocator.LocatedModel<LandmarkSpec> located, Device device) throws IOException {
		LandmarkModel m = create(located.pkg.spec().net, device);
		try {
			m.loadWeights(located);
		} catch (IOException | RuntimeException e) {
			m.close();
			throw e;
		}
		return m;
	}

	public void loadWeights(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			loadWeights(in, file.toString());
		}
	}

	/** The checked weights of a located model (e.g. to fine-tune from it). */
	public void loadWeights(ModelLocator.LocatedModel<LandmarkSpec> located) throws IOException {
		loadWeights(located.weights(), located.origin);
	}

	private void loadWeights(InputStream stream, String origin) throws IOException {
		BlockWeights.read(model, stream, origin, "this architecture");
		if (preparedForInference) {
			((LandmarkNet) model.getBlock()).prepareInference();
		}
	}

	/**
	 * Makes {@link #predict} run the network's inference form ({@link LandmarkNet#prepareInference}: batch
	 * norms folded into the convolutions, octave paths and attention projections merged, channels-last
	 * arrays throughout): the same outputs to float rounding in far fewer PyTorch calls. For models that only
	 * predict: a trainer's updates would not reach the prepared copy, so the trainer never calls this.
	 */
	public void prepareForInference() {
		((LandmarkNet) model.getBlock()).prepareInference();
		preparedForInference = true;
	}

	public void saveWeights(Path file) throws IOException {
		BlockWeights.write(model, file);
	}

	public Model djlModel() {
		return model;
	}

	public NetConfig config() {
		return config;
	}

	public Device device() {
		return device;
	}

	/** Heat maps for a batch of normalised crops, each 3 x S x S planar (see {@link HeatmapTranslator}). */
	public synchronized List<Heatmaps> predict(List<float[]> inputs) {
		return new Network<>(model, new HeatmapTranslator(config)).run(inputs);
	}

	@Override
	public void close() {
		model.close();
	}
}
