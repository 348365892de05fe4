package io.github.landmarkj.eval;

import io.github.landmarkj.core.FaceBox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One-to-one matching of found boxes to reference boxes, as detection benchmarks do: every pair with IoU at
 * least the minimum is a candidate; pairs are taken best IoU first, each box at most once.
 */
public final class BoxMatching {
	/** IoU at which a found box counts as the reference box (the PASCAL VOC and WIDER FACE convention). */
	public static final double DEFAULT_MIN_IOU = 0.5;

	private BoxMatching() {
	}

	/** For each found box, the index of its reference box, or -1 when it has none. */
	public static int[] match(List<FaceBox> found, List<FaceBox> reference, double minIou) {
		List<double[]> pairs = new ArrayList<>();
		for (int i = 0; i < found.size(); i++) {
			for (int j = 0; j < reference.size(); j++) {
				double iou = found.get(i).iou(reference.get(j));
				if (iou >= minIou) {
					pairs.add(new double[] {iou, i, j});
				}
			}
		}
		pairs.sort((p, q) -> Double.compare(q[0], p[0]));
		int[] match = new int[found.size()];
		Arrays.fill(match, -1);
		boolean[] taken = new boolean[reference.size()];
		for (double[] p : pairs) {
			int i = (int) p[1], j = (int) p[2];
			if (match[i] < 0 && !taken[j]) {
				match[i] = j;
				taken[j] = true;
			}
		}
		return match;
	}
}
