package io.github.landmarkj.detect;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.landmarkj.engine.DeviceNetwork;
import io.github.landmarkj.engine.ModelLocator;
import io.github.landmarkj.net.UltraLightRfbNet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The detector network on one device. Calls are serialised; give each worker thread its own instance. */
public final class DetectorModel implements AutoCloseable {
	private final DeviceNetwork deviceNetwork;

	private DetectorModel(DeviceNetwork deviceNetwork) {
		this.deviceNetwork = deviceNetwork;
	}

	/** The network with freshly initialised weights (to be loaded or converted). */
	public static DetectorModel create(Device device) {
		return new DetectorModel(untrained(device));
	}

	/** The network of a located detector (its weights already checked against their SHA-256). */
	public static DetectorModel load(ModelLocator.LocatedModel<DetectorSpec> located, Device device) throws IOException {
		return new DetectorModel(untrained(device).withWeights(located.weights(), located.origin));
	}

	private static DeviceNetwork untrained(Device device) {
		return DeviceNetwork.create("landmarkj-face-detector", device, UltraLightRfbNet::new, new Shape(1, 3, 240, 320),
				"the face detector's architecture");
	}

	public void loadWeights(InputStream stream, String origin) throws IOException {
		deviceNetwork.readWeights(stream, origin);
	}

	public void saveWeights(Path file) throws IOException {
		deviceNetwork.writeWeights(file);
	}

	public UltraLightRfbNet network() {
		return (UltraLightRfbNet) deviceNetwork.block();
	}

	public NDManager manager() {
		return deviceNetwork.model().getNDManager();
	}

	public Device device() {
		return deviceNetwork.device();
	}

	/** The raw output for one normalised input, planar 3 x height x width. */
	public synchronized SsdOutput predict(float[] input, int width, int height) {
		return deviceNetwork.forward(manager -> new NDList(manager.create(input, new Shape(1, 3, height, width))),
				y -> new SsdOutput(width, height, y.get(0).toFloatArray(), y.get(1).toFloatArray()));
	}

	@Override
	public void close() {
		deviceNetwork.close();
	}
}
