package io.github.landmarkj.eval;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.LandmarkSpec;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.io.UserMessages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a model over annotated faces the way a user would (file, face box, {@link LandmarkDetector})
 * and scores it. The face box is the one given for the image that overlaps the ground truth most, or,
 * by default, the tight bounding box of the ground-truth points (the convention of the 300-W
 * common-subset protocol and of LandmarkJ's crop rule).
 */
public final class ModelEvaluation {
	private final LandmarkDetector detector;
	private final Metrics metrics;

	public ModelEvaluation(LandmarkDetector detector) {
		this.detector = detector;
		this.metrics = new Metrics(detector.modelPackage().spec().scheme);
	}

	/** Per-face predictions next to the truth. */
	public static final class Outcome {
		public final List<AnnotatedFace> faces;
		public final List<Landmarks> predicted;
		public final EvaluationSummary summary;

		Outcome(List<AnnotatedFace> faces, List<Landmarks> predicted, EvaluationSummary summary) {
			this.faces = Collections.unmodifiableList(faces);
			this.predicted = Collections.unmodifiableList(predicted);
			this.summary = summary;
		}
	}

	/**
	 * Scores every face that can be scored. A face whose point count differs from the model's, whose eye
	 * points coincide (no normalising distance), whose image cannot be read, or whose box the detector
	 * refuses is skipped; {@code progress} is told each skipped face and why, and the evaluation goes on.
	 *
	 * @param boxes boxes by image file name, or an empty map for ground-truth boxes
	 * @throws IOException when no face at all can be scored
	 */
	public Outcome evaluate(List<AnnotatedFace> faces, Map<String, List<FaceBox>> boxes, Consumer<String> progress) throws IOException {
		List<Landmarks> predicted = new ArrayList<>();
		List<List<Point2>> predictedPoints = new ArrayList<>();
		List<List<Point2>> truth = new ArrayList<>();
		int m = detector.modelPackage().spec().scheme.size();
		List<AnnotatedFace> used = new ArrayList<>();
		int skipped = 0;
		for (AnnotatedFace face : faces) {
			String problem = null;
			FaceResult result = null;
			if (face.size() != m) {
				problem = face.size() + " points, the model has " + m;
			} else if (!(metrics.interOcularDistance(face.points()) > 0)) {
				problem = "its outer eye corners coincide (degenerate annotation), so its error cannot be normalised";
			} else {
				try {
					RgbImage image = ImageFiles.read(face.image());
					FaceBox box = boxFor(face, boxes.get(face.image().getFileName().toString()));
					result = detector.detect(image, Collections.singletonList(box)).get(0);
				} catch (IOException | RuntimeException | OutOfMemoryError e) {
					problem = UserMessages.describe(e);
				}
			}
			if (problem != null) {
				skipped++;
				progress.accept("Skipping " + face.image() + ": " + problem);
				continue;
			}
			predicted.add(result.landmarks());
			predictedPoints.add(result.landmarks().points());
			truth.add(face.points());
			used.add(face);
			if (used.size() % 50 == 0) {
				progress.accept(used.size() + " faces evaluated");
			}
		}
		if (used.isEmpty()) {
			throw new IOException("No face could be evaluated (" + skipped + " skipped; the reasons are listed above)");
		}
		if (skipped > 0) {
			progress.accept(skipped + " of " + faces.size() + " faces skipped: the metrics cover " + used.size() + " faces");
		}
		return new Outcome(used, predicted, metrics.evaluate(predictedPoints, truth));
	}

	static FaceBox boxFor(AnnotatedFace face, List<FaceBox> given) {
		FaceBox truthBox = FaceBox.enclosing(face.points());
		if (given == null || given.isEmpty()) {
			return truthBox;
		}
		FaceBox best = given.get(0);
		for (FaceBox b : given) {
			if (b.iou(truthBox) > best.iou(truthBox)) {
				best = b;
			}
		}
		return best;
	}

	/** Precision and recall of the occluded flags. */
	public record OcclusionScores(double precision, double recall, int occludedPoints, int points) {
	}
}
