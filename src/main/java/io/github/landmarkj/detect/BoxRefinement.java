package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;

import java.util.ArrayList;
import java.util.List;

/**
 * A face detector's boxes turned into the box convention the landmark model was trained with: the tight
 * box of the face's landmarks. Each refinement pass runs the landmark model on the current boxes and
 * takes the tight box of the points it finds as the next box; the landmarks that are reported then come
 * from one more pass on the last box. The detector's box follows another convention (WIDER FACE:
 * forehead to chin, ears out), so the first pass sees a looser crop than the model knows; each further
 * pass sees a crop closer to its own. Measured on the 269 face68 validation crops
 * ({@code BoxRefinementStudy}, test sources): NME(io) 4.458% with one refinement pass, 4.323% with two,
 * 4.274% with three, against 4.062% from the ground-truth tight box; two is the default.
 * <p>
 * A box whose pass gives points that are not finite numbers (an image of NaN, say) is dropped, and so is
 * one whose first pass has a mean landmark confidence below the minimum (0: none is dropped for its
 * confidence). Each refined box keeps the detector's score.
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
			current = tightBoxes(landmarks.detect(image, current), current, pass == 0 ? minMeanConfidence : 0);
		}
		return current;
	}

	private static List<FaceBox> tightBoxes(List<FaceResult> found, List<FaceBox> boxes, double minMeanConfidence) {
		List<FaceBox> tight = new ArrayList<>(boxes.size());
		for (int i = 0; i < boxes.size(); i++) {
			Landmarks points = found.get(i).landmarks();
			if (!finite(points) || points.meanConfidence() < minMeanConfidence) {
				continue;
			}
			FaceBox box = FaceBox.enclosing(points.points());
			tight.add(new FaceBox(box.x, box.y, box.width, box.height, boxes.get(i).score));
		}
		return tight;
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
