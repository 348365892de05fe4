package io.github.landmarkj.eval;

import io.github.landmarkj.core.FaceBox;

import java.util.Arrays;
import java.util.List;

/**
 * From a tight landmark box to the kind of box dlib's 68-point model was trained with (the boxes of dlib's HOG face
 * detector, square, from the brows to the chin), on average: the centre moves by {@code centreShiftX} and
 * {@code centreShiftY} times the tight box's longer side, and the result is a square {@code sidePerSide} times that
 * side. dlib's model card says it expects its detector's alignment; giving it tight boxes puts it at a disadvantage.
 * Fitted (medians) on training faces, never on the validation faces it is applied to.
 */
record DlibBoxAlignment(double centreShiftX, double centreShiftY, double sidePerSide) {
	/** A detection must overlap the tight box at least this much (IoU) to be taken as that face's. */
	static final double MIN_IOU = 0.3;

	DlibBoxAlignment {
		if (!Double.isFinite(centreShiftX) || !Double.isFinite(centreShiftY) || !(sidePerSide > 0) || Double.isInfinite(sidePerSide)) {
			throw new IllegalArgumentException("An alignment needs finite shifts and a positive side ratio, got " + centreShiftX + ", "
					+ centreShiftY + ", " + sidePerSide);
		}
	}

	/** The box of this alignment for a tight box. */
	FaceBox apply(FaceBox tight) {
		double size = Math.max(tight.width, tight.height), side = sidePerSide * size;
		double cx = tight.centerX() + centreShiftX * size, cy = tight.centerY() + centreShiftY * size;
		return new FaceBox(cx - side / 2, cy - side / 2, side, side);
	}

	/** The median step from each tight box to its detector box (pairs by index). */
	static DlibBoxAlignment fit(List<FaceBox> tight, List<FaceBox> detected) {
		if (tight.size() != detected.size() || tight.isEmpty()) {
			throw new IllegalArgumentException("Need the same, non-zero number of tight and detected boxes, got " + tight.size() + " and "
					+ detected.size());
		}
		int n = tight.size();
		double[] dx = new double[n], dy = new double[n], side = new double[n];
		for (int i = 0; i < n; i++) {
			FaceBox t = tight.get(i), d = detected.get(i);
			double size = Math.max(t.width, t.height);
			dx[i] = (d.centerX() - t.centerX()) / size;
			dy[i] = (d.centerY() - t.centerY()) / size;
			side[i] = Math.sqrt(d.width * d.height) / size;
		}
		return new DlibBoxAlignment(median(dx), median(dy), median(side));
	}

	/** The detection that overlaps the tight box most, if by at least {@link #MIN_IOU}; else null. */
	static FaceBox match(FaceBox tight, List<FaceBox> detections) {
		FaceBox best = null;
		for (FaceBox d : detections) {
			if (d.iou(tight) >= MIN_IOU && (best == null || d.iou(tight) > best.iou(tight))) {
				best = d;
			}
		}
		return best;
	}

	private static double median(double[] v) {
		double[] a = v.clone();
		Arrays.sort(a);
		int n = a.length;
		return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
	}
}
