package io.github.landmarkj.ij;

import io.github.landmarkj.core.FaceAnalysis;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.SimilarityTransform;

import java.util.ArrayList;
import java.util.List;

/** Made-up network outputs with known geometry, so that the ImageJ outputs can be checked without libtorch. */
final class SyntheticFaces {
	static final int SIZE = 32, STRIDE = 4, GRID = 16, GRID_STRIDE = 8;

	private SyntheticFaces() {
	}

	/** Heat-map pixel of point k's peak: a 2-D spread of the 68 points over the map. */
	static int[] peak(int k) {
		return new int[] {4 + (k % 12) * 2, 4 + (k / 12) * 4};
	}

	/**
	 * A face whose crop is the image shifted by (dx, dy): crop = image - (dx, dy). Point k is at its
	 * peak; points 60.. are occluded; the occlusion grid is 0.25 everywhere.
	 */
	static FaceAnalysis face(int index, double dx, double dy) {
		float[] maps = new float[68 * SIZE * SIZE];
		List<Point2> points = new ArrayList<>();
		boolean[] occluded = new boolean[68];
		double[] confidence = new double[68];
		for (int k = 0; k < 68; k++) {
			int[] p = peak(k);
			maps[(k * SIZE + p[1]) * SIZE + p[0]] = 1f;
			points.add(new Point2(STRIDE * p[0] + 1.5 + dx, STRIDE * p[1] + 1.5 + dy));
			occluded[k] = k >= 60;
			confidence[k] = 0.9;
		}
		float[] grid = new float[GRID * GRID];
		java.util.Arrays.fill(grid, 0.25f);
		Heatmaps h = new Heatmaps(maps, 68, SIZE, STRIDE, grid, GRID, GRID_STRIDE);
		Landmarks l = new Landmarks(points, confidence, occluded);
		return new FaceAnalysis(new FaceResult(index, new FaceBox(dx, dy, 128, 128), l), h, SimilarityTransform.translation(-dx, -dy));
	}
}
