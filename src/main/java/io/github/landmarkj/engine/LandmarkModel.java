package io.github.landmarkj.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.net.LandmarkNet;
import io.github.landmarkj.net.NetConfig;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded landmark network on one device. Runs batches of normalised crops and returns their heat
 * maps. Calls are serialised: give each worker thread its own instance for parallel batches.
 */
public final class LandmarkModel implements AutoCloseable {
	private final Model model;
	private final NetConfig config;
	private final Device device;
	private boolean foldedForInference;

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
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
			model.getBlock().loadParameters(model.getNDManager(), in);
		} catch (MalformedModelException | IllegalArgumentException e) {
			throw new IOException("Weights " + origin + " do not fit this architecture: " + e.getMessage(), e);
		}
		if (foldedForInference) {
			((LandmarkNet) model.getBlock()).foldBatchNorms();
		}
	}

	/**
	 * Makes {@link #predict} run with every batch norm folded into its convolution (the same outputs to
	 * float rounding, fewer operations). For models that only predict: a trainer's updates would not
	 * reach the folded copy, so the trainer never calls this.
	 */
	public void foldBatchNormsForInference() {
		((LandmarkNet) model.getBlock()).foldBatchNorms();
		foldedForInference = true;
	}

	public void saveWeights(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
			model.getBlock().saveParameters(out);
		}
		// Replace atomically so that an interrupted save never leaves a half-written checkpoint.
		Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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

	/**
	 * Heat maps for a batch of normalised crops, each 3 x S x S planar.
	 */
	public synchronized List<Heatmaps> predict(List<float[]> inputs) {
		int s = config.inputSize;
		int n = inputs.size();
		List<Heatmaps> out = new ArrayList<>(n);
		if (n == 0) {
			return out;
		}
		float[] batch = new float[n * 3 * s * s];
		for (int i = 0; i < n; i++) {
			System.arraycopy(inputs.get(i), 0, batch, i * 3 * s * s, 3 * s * s);
		}
		try (NDManager manager = model.getNDManager().newSubManager(device)) {
			NDArray x = manager.create(batch, new Shape(n, 3, s, s));
			NDList y = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false);
			float[] maps = y.get(0).toFloatArray();
			float[] occ = y.get(1).toFloatArray();
			int m = config.landmarks, hm = config.heatmapSize(), g = config.occlusionSize();
			for (int i = 0; i < n; i++) {
				float[] mi = new float[m * hm * hm];
				System.arraycopy(maps, i * mi.length, mi, 0, mi.length);
				float[] oi = new float[g * g];
				System.arraycopy(occ, i * oi.length, oi, 0, oi.length);
				out.add(new Heatmaps(mi, m, hm, config.heatmapStride(), oi, g, config.occlusionStride()));
			}
		}
		return out;
	}

	@Override
	public void close() {
		model.close();
	}
}
