package io.github.landmarkj.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One network's block in a DJL model on one device, with its weights read from and written to
 * {@link BlockWeights} files: what the landmark, temporal and face-detector models share (each adds its
 * own configuration and its way to run the network). Not thread-safe; closing frees the native memory.
 */
public final class DeviceNetwork implements AutoCloseable {
	private final Model model;
	private final Device device;
	private final String architecture;

	private DeviceNetwork(Model model, Device device, String architecture) {
		this.model = model;
		this.device = device;
		this.architecture = architecture;
	}

	/**
	 * A freshly initialised (untrained) network.
	 *
	 * @param name the DJL model's name (in DJL's messages)
	 * @param block makes the network's block, once the model exists
	 * @param inputShape the input shape the block is initialised for
	 * @param architecture what weights must fit, for messages (e.g. "the face detector's architecture")
	 */
	public static DeviceNetwork create(String name, Device device, Supplier<? extends Block> block, Shape inputShape, String architecture) {
		Model model = Model.newInstance(name, device, "PyTorch");
		Block net = block.get();
		model.setBlock(net);
		net.initialize(model.getNDManager(), DataType.FLOAT32, inputShape);
		return new DeviceNetwork(model, device, architecture);
	}

	/**
	 * This network with the weights read in; if they cannot be read or do not fit, it is closed and the
	 * failure thrown, so that a failed load leaves no native memory behind.
	 *
	 * @param origin where the weights come from, for the message
	 */
	public DeviceNetwork withWeights(InputStream weights, String origin) throws IOException {
		try {
			readWeights(weights, origin);
		} catch (IOException | RuntimeException e) {
			close();
			throw e;
		}
		return this;
	}

	/** @param origin where the weights come from, for the message */
	public void readWeights(InputStream weights, String origin) throws IOException {
		BlockWeights.read(model, weights, origin, architecture);
	}

	public void readWeights(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			readWeights(in, file.toString());
		}
	}

	/** Writes the weights atomically, replacing an earlier file ({@link BlockWeights#write}). */
	public void writeWeights(Path file) throws IOException {
		BlockWeights.write(model, file);
	}

	/**
	 * Runs the block once (inference) on inputs made in a scratch manager, which is freed, with the
	 * outputs, once {@code read} has turned them into Java values.
	 */
	public <T> T forward(Function<NDManager, NDList> input, Function<NDList, T> read) {
		try (NDManager manager = model.getNDManager().newSubManager(device)) {
			return read.apply(model.getBlock().forward(new ParameterStore(manager, false), input.apply(manager), false));
		}
	}

	public Model model() {
		return model;
	}

	public Block block() {
		return model.getBlock();
	}

	public Device device() {
		return device;
	}

	@Override
	public void close() {
		model.close();
	}
}
