package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;

import java.util.ArrayList;
import java.util.List;

/**
 * When a second detector confirms a face box ({@code decoding.confirmation} in a confirming detector's
 * model.json): it has a box there, in the landmark model's box convention, that overlaps it at IoU at least
 * {@code minIou} and scores at least {@code minScore}. Any such box confirms (not one to one: two faces close
 * together may share one). Immutable.
 *
 * @param enlarge whether the second detector's input may be larger than the image (false: an image smaller than
 *        its input runs at its own size)
 */
public record ConfirmationRule(double minIou, double minScore, boolean enlarge) {
	public ConfirmationRule {
		if (!(minIou > 0 && minIou <= 1)) {
			throw new IllegalArgumentException("The confirmation IoU must be in (0, 1], got " + minIou);
		}
		if (!(minScore > 0 && minScore < 1)) {
			throw new IllegalArgumentException("The confirmation score must be in (0, 1), got " + minScore);
		}
	}

	/** The boxes that one of {@code secondOpinion} confirms, in their order. */
	public List<FaceBox> confirmed(List<FaceBox> boxes, List<FaceBox> secondOpinion) {
		List<FaceBox> kept = new ArrayList<>(boxes.size());
		for (FaceBox box : boxes) {
			if (confirms(box, secondOpinion)) {
				kept.add(box);
			}
		}
		return kept;
	}

	private boolean confirms(FaceBox box, List<FaceBox> secondOpinion) {
		for (FaceBox other : secondOpinion) {
			if (other.score >= minScore && box.iou(other) >= minIou) {
				return true;
			}
		}
		return false;
	}

	/** The second detector's input for an image, from the input that fits its own size: never larger than the image unless {@link #enlarge}. */
	public DetectorInput input(DetectorInput fitted) {
		return enlarge || fitted.scale() <= 1 ? fitted : new DetectorInput(fitted.imageWidth(), fitted.imageHeight(), 1);
	}
}
