package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression: keeps the best-scoring box and drops the boxes that overlap it too much. */
public final class NonMaxSuppression {
	private final double maxIou;

	public NonMaxSuppression(double maxIou) {
		if (!(maxIou > 0 && maxIou <= 1)) {
			throw new IllegalArgumentException("The NMS IoU must be in (0, 1], got " + maxIou);
		}
		this.maxIou = maxIou;
	}

	/** The kept boxes, best score first. */
	public List<FaceBox> apply(List<FaceBox> boxes) {
		List<FaceBox> sorted = new ArrayList<>(boxes);
		sorted.sort(Comparator.comparingDouble((FaceBox b) -> b.score).reversed());
		List<FaceBox> kept = new ArrayList<>();
		for (FaceBox b : sorted) {
			boolean suppressed = false;
			for (FaceBox k : kept) {
				if (b.iou(k) > maxIou) {
					suppressed = true;
					break;
				}
			}
			if (!suppressed) {
				kept.add(b);
			}
		}
		return kept;
	}
}
