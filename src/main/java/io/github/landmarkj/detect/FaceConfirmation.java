package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.ModelFormatException;
import io.github.landmarkj.engine.ModelLocator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A second opinion on found faces: a second detector runs on the whole image and a box is kept only when it
 * confirms it by the {@link ConfirmationRule} of its package ({@code decoding.confirmation}), e.g. the bundled
 * {@value DetectorKind#CONFIRMING_NAME}. Owns its detector; not thread-safe, one per thread.
 */
public final class FaceConfirmation implements AutoCloseable {
	/** A detector whose package has a {@link ConfirmationRule}. */
	private final FaceDetector detector;

	private FaceConfirmation(FaceDetector detector) {
		this.detector = detector;
	}

	/** @param nameOrFolder a bundled detector's name or a detector folder whose model.json has {@code decoding.confirmation} */
	public static FaceConfirmation open(String nameOrFolder, Device device) throws IOException {
		ModelLocator.LocatedModel<DetectorSpec> located = ModelLocator.locate(nameOrFolder, DetectorKind.INSTANCE);
		ConfirmationRule rule = located.pkg.spec().confirmation();
		if (rule == null) {
			throw new ModelFormatException("The face detector " + located.origin + " cannot confirm faces: its model.json has no "
					+ "face-detector.decoding.confirmation (min_iou, min_score, enlarge); the bundled " + DetectorKind.CONFIRMING_NAME + " has one");
		}
		return new FaceConfirmation(FaceDetector.open(located, device));
	}

	/** The boxes of {@code image} (landmark box convention, left to right) that the second detector confirms, in their order. */
	public List<FaceBox> confirmed(RgbImage image, List<FaceBox> boxes) {
		return boxes.isEmpty() ? boxes : rule().confirmed(boxes, secondOpinion(image));
	}

	/** The second detector's boxes that could confirm a face: scoring at least the rule's score, mapped to landmark boxes. */
	List<FaceBox> secondOpinion(RgbImage image) {
		DetectorSpec spec = detector.modelPackage().spec();
		ConfirmationRule rule = spec.confirmation();
		DetectorInput in = rule.input(detector.input(image.width(), image.height(), 0));
		List<FaceBox> out = new ArrayList<>();
		for (FaceBox b : detector.detect(image, Math.nextDown(rule.minScore()), in)) {
			out.add(spec.landmarkBox(b));
		}
		return out;
	}

	/** The rule of the detector's package ({@code decoding.confirmation}). */
	public ConfirmationRule rule() {
		return detector.modelPackage().spec().confirmation();
	}

	/** "bundled:face-detector-640" or a folder. */
	public String origin() {
		return detector.origin();
	}

	@Override
	public void close() {
		detector.close();
	}
}
