package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;

import java.util.List;

/**
 * CenterNet targets on a stride-s grid: a Gaussian bump per face peaking at 1 on the cell holding the
 * box centre, log box size in strides and the centre's offset within that cell, and a mask of those cells.
 */
public final class DetectorTargets {
	public final int gridWidth;
	public final int gridHeight;
	public final float[] heat;
	public final float[] size;
	public final float[] offset;
	public final float[] centreMask;

	private DetectorTargets(int gw, int gh) {
		gridWidth = gw;
		gridHeight = gh;
		heat = new float[gw * gh];
		size = new float[2 * gw * gh];
		offset = new float[2 * gw * gh];
		centreMask = new float[gw * gh];
	}

	/** Gaussian spread in cells: grows with the face so that nearby cells of a large face are not punished hard. */
	static double sigmaCells(FaceBox b, int stride) {
		return Math.max(0.5, 0.15 * Math.sqrt(b.width * b.height) / stride);
	}

	public static DetectorTargets of(List<FaceBox> boxes, int gridWidth, int gridHeight, int stride) {
		DetectorTargets t = new DetectorTargets(gridWidth, gridHeight);
		int n = gridWidth * gridHeight;
		for (FaceBox b : boxes) {
			double cx = b.centerX() / stride, cy = b.centerY() / stride;
			int ci = (int) Math.floor(cx), cj = (int) Math.floor(cy);
			if (ci < 0 || cj < 0 || ci >= gridWidth || cj >= gridHeight) {
				continue;
			}
			double sigma = sigmaCells(b, stride);
			int r = (int) Math.ceil(3 * sigma);
			for (int j = Math.max(0, cj - r); j <= Math.min(gridHeight - 1, cj + r); j++) {
				for (int i = Math.max(0, ci - r); i <= Math.min(gridWidth - 1, ci + r); i++) {
					double d2 = (i - ci) * (i - ci) + (j - cj) * (j - cj);
					float g = (float) Math.exp(-d2 / (2 * sigma * sigma));
					t.heat[j * gridWidth + i] = Math.max(t.heat[j * gridWidth + i], g);
				}
			}
			int c = cj * gridWidth + ci;
			t.centreMask[c] = 1;
			t.size[c] = (float) Math.log(b.width / stride);
			t.size[n + c] = (float) Math.log(b.height / stride);
			t.offset[c] = (float) (cx - ci);
			t.offset[n + c] = (float) (cy - cj);
		}
		return t;
	}
}
