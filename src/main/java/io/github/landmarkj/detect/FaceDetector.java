package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Faces in an image: letterbox to the detector's input, run the network, decode peaks, suppress
 * overlaps, map the boxes back to image pixels and number them left to right. A box is the detector's
 * estimate of the tight bounding box of the face's 68 landmarks, with its score.
 * Not thread-safe (one network); open one detector per worker thread.
 */
public final class FaceDetector implements AutoCloseable {
	private final DetectorPackage pkg;
	private final String origin;
	private final DetectorModel model;
	private final DetectionDecoder decoder;

	FaceDetector(DetectorPackage pkg, String origin, DetectorModel model) {
		this.pkg = pkg;
		this.origin = origin;
		this.model = model;
		this.decoder = new DetectionDecoder(pkg.nmsIou);
	}

	/** @param modelSpec "face-detector" (bundled) or a detector folder */
	public static FaceDetector open(String modelSpec, Device device) throws IOException {
		DetectorPackage.Located located = DetectorPackage.locate(modelSpec);
		DetectorModel model = DetectorModel.create(located.pkg.config, device);
		try {
			model.loadWeights(located.weights(), located.origin);
		} catch (IOException | RuntimeException e) {
			model.close();
			throw e;
		}
		return new FaceDetector(located.pkg, located.origin, model);
	}

	public DetectorPackage modelPackage() {
		return pkg;
	}

	/** "bundled:face-detector" or a folder. */
	public String origin() {
		return origin;
	}

	/** The network itself, for evaluation on prepared inputs. */
	DetectorModel network() {
		return model;
	}

	/** Faces at the model's own score threshold. */
	public List<FaceBox> detect(RgbImage image) {
		return detect(image, pkg.scoreThreshold);
	}

	/** Faces scoring at least {@code scoreThreshold}, left to right; empty when there is none. */
	public List<FaceBox> detect(RgbImage image, double scoreThreshold) {
		if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
			throw new IllegalArgumentException("The score threshold must be in (0, 1), got " + scoreThreshold);
		}
		Letterbox lb = new Letterbox(image.width(), image.height(), inputLongSide(pkg.config.inputSize, image.width(), image.height()),
				DetectorConfig.MULTIPLE);
		float[] pixels = lb.apply(image);
		float[] input = new float[pixels.length];
		pkg.normalisation.apply(pixels, input, 0);
		DetectorOutput out = model.predict(input, lb.inputWidth, lb.inputHeight);
		List<FaceBox> boxes = new ArrayList<>();
		for (FaceBox b : decoder.decode(out, scoreThreshold)) {
			boxes.add(lb.toImage(b));
		}
		return DetectionDecoder.leftToRight(boxes);
	}

	/**
	 * The long side the image is letterboxed to: the model's size, or up to twice that for images more
	 * than twice as large. Training saw faces of 18 to 154 px at the model's size; at a fixed 256 px a face
	 * a tenth of a 1024 px group photo would shrink to 22 px, where scores fall below the threshold.
	 * Half the image's long side keeps such faces near 50 px for at most four times the work.
	 */
	static int inputLongSide(int modelSize, int width, int height) {
		int half = Math.max(width, height) / 2;
		int side = Math.max(modelSize, Math.min(2 * modelSize, half));
		return (side + DetectorConfig.MULTIPLE - 1) / DetectorConfig.MULTIPLE * DetectorConfig.MULTIPLE;
	}

	@Override
	public void close() {
		model.close();
	}
}
