package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceBoxLimits;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;

import java.util.ArrayList;
import java.util.List;

/**
 * Face boxes (a detector's, mapped by its {@link TightBoxMapping}) turned into the box convention the
 * landmark model was trained with: the tight box of the face's landmarks. Each refinement pass runs the
 * landmark model on the current boxes and takes the tight box of the points it finds as the next box; the
 * landmarks that are reported then come from one more pass on the last box. Measured with the bundled
 * detector's mapped boxes ({@code FaceDetectorEvaluationDemo}, test sources; the face-detector card), NME(io)
 * relative to the ground-truth tight boxes: one refinement pass +2.1% on the 269 face68 validation crops,
 * +3.6% on the 331 AFW faces found in the full photos; two passes +1.7% and +2.4%. Two is the default
 * (each pass costs one landmark inference per face).
 * <p>
 * A box is dropped when a pass gives points that are not finite numbers (an image of NaN, say) or points
 * whose tight box the landmark model cannot use in this image ({@link FaceBoxLimits}: its centre outside
 * the image, say, when a detection at the border was not a face), and when its first pass has a mean
 * landmark confidence below the minimum (0: none is dropped for its confidence). Each refined box keeps
 * the detector's score.
 */
public final class BoxRefinement {
	/** Refinement passes by default: see the class comment for what each pass buys. */
	public static final int DEFAULT_PASSES = 2;
	/** More passes than this change the box by well under a pixel and only cost time. */
	public static final int MAX_PASSES = 4;

	private final LandmarkDetector landmarks;
	private final int passes;
	private final double minMeanConfidence;

	/** {@value #DEFAULT_PASSES} refinement passes, no box dropped for its confidence. */
	public BoxRefinement(LandmarkDetector landmarks) {
		this(landmarks, DEFAULT_PASSES, 0);
	}

	/**
	 * @param passes refinement passes, 1 to {@value #MAX_PASSES}
	 * @param minMeanConfidence boxes whose first pass has a lower mean landmark confidence are dropped; 0 keeps all
	 */
	public BoxRefinement(LandmarkDetector landmarks, int passes, double minMeanConfidence) {
		if (passes < 1 || passes > MAX_PASSES) {
			throw new IllegalArgumentException("Box refinement takes 1 to " + MAX_PASSES + " landmark passes, got " + passes);
		}
		if (!(minMeanConfidence >= 0 && minMeanConfidence < 1)) {
			throw new IllegalArgumentException("The minimum mean landmark confidence must be in [0, 1), got " + minMeanConfidence);
		}
		this.landmarks = landmarks;
		this.passes = passes;
		this.minMeanConfidence = minMeanConfidence;
	}

	public int passes() {
		return passes;
	}

	/** The refined boxes, in the order of {@code boxes}, without the dropped ones. */
	public List<FaceBox> refinedBoxes(RgbImage image, List<FaceBox> boxes) {
		List<FaceBox> current = boxes;
		for (int pass = 0; pass < passes && !current.isEmpty(); pass++) {
			List<FaceResult> found = landmarks.detect(image, current);
			List<FaceBox> next = new ArrayList<>(current.size());
			for (int i = 0; i < current.size(); i++) {
				FaceBox box = nextBox(current.get(i), found.get(i).landmarks(), pass == 0 ? minMeanConfidence : 0, image.width(), image.height());
				if (box != null) {
					next.add(box);
				}
			}
			current = next;
		}
		return current;
	}

	/**
	 * The tight box of a pass's points with the score of the box the pass ran on, or null when the box is
	 * dropped: points not finite, mean confidence below {@code minMeanConfidence}, or a tight box that
	 * {@link FaceBoxLimits} refuses in a {@code width} x {@code height} image.
	 */
	static FaceBox nextBox(FaceBox from, Landmarks points, double minMeanConfidence, int width, int height) {
		if (!finite(points) || points.meanConfidence() < minMeanConfidence) {
			return null;
		}
		FaceBox tight = FaceBox.enclosing(points.points());
		FaceBox next = new FaceBox(tight.x, tight.y, tight.width, tight.height, from.score);
		return FaceBoxLimits.problem(next, width, height) == null ? next : null;
	}

	private static boolean finite(Landmarks landmarks) {
		for (Point2 p : landmarks.points()) {
			if (!Double.isFinite(p.x) || !Double.isFinite(p.y)) {
				return false;
			}
		}
		return true;
	}

	/** Faces in the order of {@code boxes} (without the dropped ones), each found on its refined box. */
	public List<FaceResult> detect(RgbImage image, List<FaceBox> boxes) {
		if (boxes.isEmpty()) {
			return new ArrayList<>();
		}
		return landmarks.detect(image, refinedBoxes(image, boxes));
	}
}
