package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Boxes from a detector output: cells that are the maximum of their 3 x 3 neighbourhood (CenterNet's
 * max-pool peak finding) and score at least the threshold, their size and sub-cell offset read at the
 * peak, then non-maximum suppression. Boxes are in input pixels.
 */
public final class DetectionDecoder {
	/** Caps the work on a noisy map; far more faces than any photo at this input size holds. */
	static final int MAX_PEAKS = 200;

	private final NonMaxSuppression nms;

	public DetectionDecoder(double nmsIou) {
		this.nms = new NonMaxSuppression(nmsIou);
	}

	public List<FaceBox> decode(DetectorOutput out, double scoreThreshold) {
		List<FaceBox> peaks = new ArrayList<>();
		int w = out.gridWidth, h = out.gridHeight, s = out.stride;
		for (int j = 0; j < h; j++) {
			for (int i = 0; i < w; i++) {
				float v = out.heat(i, j);
				if (v < scoreThreshold || !isPeak(out, i, j, v)) {
					continue;
				}
				double cx = s * (i + out.offsetX(i, j)), cy = s * (j + out.offsetY(i, j));
				double bw = s * Math.exp(out.logWidth(i, j)), bh = s * Math.exp(out.logHeight(i, j));
				peaks.add(new FaceBox(cx - bw / 2, cy - bh / 2, bw, bh, v));
			}
		}
		if (peaks.size() > MAX_PEAKS) {
			peaks.sort(Comparator.comparingDouble((FaceBox b) -> b.score).reversed());
			peaks = new ArrayList<>(peaks.subList(0, MAX_PEAKS));
		}
		return nms.apply(peaks);
	}

	private static boolean isPeak(DetectorOutput out, int i, int j, float v) {
		for (int dj = -1; dj <= 1; dj++) {
			for (int di = -1; di <= 1; di++) {
				int x = i + di, y = j + dj;
				if ((di != 0 || dj != 0) && x >= 0 && y >= 0 && x < out.gridWidth && y < out.gridHeight) {
					float u = out.heat(x, y);
					// Ties (flat plateaus) keep only the first cell in scan order.
					if (u > v || (u == v && (dj < 0 || (dj == 0 && di < 0)))) {
						return false;
					}
				}
			}
		}
		return true;
	}

	/** Boxes numbered left to right: sorted by their centre's x. */
	public static List<FaceBox> leftToRight(List<FaceBox> boxes) {
		List<FaceBox> sorted = new ArrayList<>(boxes);
		sorted.sort(Comparator.comparingDouble(FaceBox::centerX));
		return sorted;
	}
}
