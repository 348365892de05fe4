package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;

import java.util.List;

/**
 * Recall and precision of detections against true boxes at an IoU threshold: each true box is matched at
 * most once, to the best-scoring unmatched detection overlapping it enough (detections taken best first).
 */
public final class DetectionScores {
	public final int truePositives;
	public final int falsePositives;
	public final int falseNegatives;

	private DetectionScores(int tp, int fp, int fn) {
		this.truePositives = tp;
		this.falsePositives = fp;
		this.falseNegatives = fn;
	}

	public static DetectionScores empty() {
		return new DetectionScores(0, 0, 0);
	}

	/** The scores of one image's detections. */
	public static DetectionScores of(List<FaceBox> detections, List<FaceBox> truth, double minIou) {
		List<FaceBox> sorted = new java.util.ArrayList<>(detections);
		sorted.sort(java.util.Comparator.comparingDouble((FaceBox b) -> b.score).reversed());
		boolean[] matched = new boolean[truth.size()];
		int tp = 0, fp = 0;
		for (FaceBox d : sorted) {
			int best = -1;
			double bestIou = minIou;
			for (int k = 0; k < truth.size(); k++) {
				double iou = d.iou(truth.get(k));
				if (!matched[k] && iou >= bestIou) {
					best = k;
					bestIou = iou;
				}
			}
			if (best >= 0) {
				matched[best] = true;
				tp++;
			} else {
				fp++;
			}
		}
		return new DetectionScores(tp, fp, truth.size() - tp);
	}

	public DetectionScores plus(DetectionScores o) {
		return new DetectionScores(truePositives + o.truePositives, falsePositives + o.falsePositives, falseNegatives + o.falseNegatives);
	}

	public double recall() {
		int t = truePositives + falseNegatives;
		return t == 0 ? Double.NaN : truePositives / (double) t;
	}

	public double precision() {
		int d = truePositives + falsePositives;
		return d == 0 ? Double.NaN : truePositives / (double) d;
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "recall %.2f%% precision %.2f%% (%d true, %d false, %d missed)", 100 * recall(),
				100 * precision(), truePositives, falsePositives, falseNegatives);
	}
}
