package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.ModelLocator;
import io.github.landmarkj.engine.ModelPackage;
import io.github.landmarkj.engine.NativeLibraries;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Faces in an image: scale it to the detector's input ({@link DetectorInput}), run the network, decode the
 * prior boxes, suppress overlaps, map the boxes back to image pixels and number them left to right. A box
 * is the detector's face box (WIDER FACE style: forehead to chin), with its score; a first landmark pass
 * ({@link BoxRefinement}) turns it into LandmarkJ's tight landmark box.
 * Not thread-safe (one network); open one detector per worker thread.
 */
public final class FaceDetector implements AutoCloseable {
	private final ModelPackage<DetectorSpec> pkg;
	private final DetectorSpec spec;
	private final String origin;
	private final DetectorModel model;
	private final SsdDecoder decoder;

	FaceDetector(ModelPackage<DetectorSpec> pkg, String origin, DetectorModel model) {
		this.pkg = pkg;
		this.spec = pkg.spec();
		this.origin = origin;
		this.model = model;
		this.decoder = new SsdDecoder(spec.priors(), spec.nmsIou());
	}

	/** @param modelSpec "face-detector" (bundled) or a detector folder */
	public static FaceDetector open(String modelSpec, Device device) throws IOException {
		return open(ModelLocator.locate(modelSpec, DetectorKind.INSTANCE), device);
	}

	/** A located detector (its weights checked) on the device. */
	static FaceDetector open(ModelLocator.LocatedModel<DetectorSpec> located, Device device) throws IOException {
		NativeLibraries.requireLoadable();
		return new FaceDetector(located.pkg, located.origin, DetectorModel.load(located, device));
	}

	public ModelPackage<DetectorSpec> modelPackage() {
		return pkg;
	}

	/** "bundled:face-detector" or a folder. */
	public String origin() {
		return origin;
	}

	/** Faces at the model's own score threshold and input size. */
	public List<FaceBox> detect(RgbImage image) {
		return detect(image, spec.scoreThreshold(), 0);
	}

	/**
	 * Faces scoring above {@code scoreThreshold}, left to right; empty when there is none.
	 * @param minFaceSize the smallest face to find, in image pixels; 0 for the model's own input size
	 *        (320 x 240: faces down to about a twelfth of the image's short side)
	 */
	public List<FaceBox> detect(RgbImage image, double scoreThreshold, double minFaceSize) {
		return detect(image, scoreThreshold, input(image.width(), image.height(), minFaceSize));
	}

	/** Faces scoring above {@code scoreThreshold} at this input, left to right. */
	List<FaceBox> detect(RgbImage image, double scoreThreshold, DetectorInput in) {
		if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
			throw new IllegalArgumentException("The score threshold must be in (0, 1), got " + scoreThreshold);
		}
		SsdOutput out = run(image, in);
		List<FaceBox> boxes = new ArrayList<>();
		for (FaceBox b : decoder.decode(out, PriorBoxes.of(spec.priors(), in.inputWidth(), in.inputHeight()), scoreThreshold)) {
			boxes.add(in.toImage(b));
		}
		return leftToRight(boxes);
	}

	DetectorInput input(int width, int height, double minFaceSize) {
		return DetectorInput.forImage(width, height, spec.inputLongSide(), spec.inputShortSide(), minFaceSize);
	}

	/** The network's raw output for the image at this input. */
	SsdOutput run(RgbImage image, DetectorInput in) {
		float[] pixels = in.pixels(image);
		float[] input = new float[pixels.length];
		spec.normalisation().apply(pixels, input, 0);
		return model.predict(input, in.inputWidth(), in.inputHeight());
	}

	/** The network, for benchmarks of its stages. */
	DetectorModel model() {
		return model;
	}

	/** Boxes numbered left to right: sorted by their centre's x. */
	public static List<FaceBox> leftToRight(List<FaceBox> boxes) {
		List<FaceBox> sorted = new ArrayList<>(boxes);
		sorted.sort(Comparator.comparingDouble(FaceBox::centerX));
		return sorted;
	}

	@Override
	public void close() {
		model.close();
	}
}
