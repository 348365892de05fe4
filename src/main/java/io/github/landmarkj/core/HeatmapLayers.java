package io.github.landmarkj.core;

import java.util.List;

/**
 * The network's raw outputs for the faces of one image as float planes the size of the image, so that
 * they lie over it: one landmark heat-map plane per point, then their maximum, and the occlusion plane
 * (probability that something covers the face there, 0-1). Each face's maps are resampled from its crop
 * back to the image through the inverse of the crop transform (bilinear between map pixels); where faces
 * overlap the larger value wins; outside every crop the value is 0. Planes are row-major.
 */
public final class HeatmapLayers {
	private HeatmapLayers() {
	}

	/** {@code points + 1} planes of {@code width * height}: one per point, then the maximum over points. */
	public static float[][] heatmaps(List<FaceAnalysis> faces, int points, int width, int height) {
		float[][] planes = new float[points + 1][width * height];
		for (FaceAnalysis face : faces) {
			Heatmaps maps = face.heatmaps();
			if (maps.count != points) {
				throw new IllegalArgumentException("A face has " + maps.count + " heat maps, expected " + points);
			}
			int[] box = imageBounds(face.imageToCrop(), maps.size * maps.stride, width, height);
			for (int k = 0; k < points; k++) {
				float[] map = maps.map(k);
				paint(planes[k], width, box, face.imageToCrop(), (cx, cy) -> sample(map, maps.size, maps.fromCrop(cx), maps.fromCrop(cy)));
			}
		}
		float[] max = planes[points];
		for (int k = 0; k < points; k++) {
			for (int i = 0; i < max.length; i++) {
				max[i] = Math.max(max[i], planes[k][i]);
			}
		}
		return planes;
	}

	/** One plane of {@code width * height}: the occlusion probability, 0-1. */
	public static float[] occlusion(List<FaceAnalysis> faces, int width, int height) {
		float[] out = new float[width * height];
		for (FaceAnalysis face : faces) {
			Heatmaps maps = face.heatmaps();
			float[] grid = maps.occlusionGrid();
			int n = maps.occlusionSize, s = maps.occlusionStride;
			int[] box = imageBounds(face.imageToCrop(), n * s, width, height);
			paint(out, width, box, face.imageToCrop(), (cx, cy) -> sample(grid, n, (cx - (s - 1) / 2.0) / s, (cy - (s - 1) / 2.0) / s));
		}
		return out;
	}

	/** A value at crop coordinates, or NaN outside the map. */
	private interface CropSampler {
		double at(double cropX, double cropY);
	}

	/** Writes the larger of the existing and the sampled value at every pixel of {@code box}. */
	private static void paint(float[] target, int width, int[] box, SimilarityTransform imageToCrop, CropSampler sampler) {
		for (int y = box[1]; y <= box[3]; y++) {
			for (int x = box[0]; x <= box[2]; x++) {
				double v = sampler.at(imageToCrop.applyX(x, y), imageToCrop.applyY(x, y));
				if (v > target[y * width + x]) {
					target[y * width + x] = (float) v;
				}
			}
		}
	}

	/** Bilinear sample of an n x n map at map coordinates (u, v); NaN beyond the outer pixels' edges. */
	static double sample(float[] map, int n, double u, double v) {
		if (u < -0.5 || v < -0.5 || u > n - 0.5 || v > n - 0.5) {
			return Double.NaN;
		}
		u = Math.max(0, Math.min(n - 1, u));
		v = Math.max(0, Math.min(n - 1, v));
		int u0 = (int) Math.floor(u), v0 = (int) Math.floor(v);
		int u1 = Math.min(u0 + 1, n - 1), v1 = Math.min(v0 + 1, n - 1);
		double fu = u - u0, fv = v - v0;
		double top = map[v0 * n + u0] * (1 - fu) + map[v0 * n + u1] * fu;
		double bottom = map[v1 * n + u0] * (1 - fu) + map[v1 * n + u1] * fu;
		return top * (1 - fv) + bottom * fv;
	}

	/** {x0, y0, x1, y1}, inclusive and clipped to the image: the pixels the crop square covers. */
	private static int[] imageBounds(SimilarityTransform imageToCrop, int cropSize, int w, int h) {
		SimilarityTransform back = imageToCrop.inverse();
		double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
		double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
		for (double[] c : new double[][] {{-0.5, -0.5}, {cropSize - 0.5, -0.5}, {-0.5, cropSize - 0.5}, {cropSize - 0.5, cropSize - 0.5}}) {
			double x = back.applyX(c[0], c[1]), y = back.applyY(c[0], c[1]);
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
		}
		return new int[] {Math.max(0, (int) Math.floor(minX)), Math.max(0, (int) Math.floor(minY)),
				Math.min(w - 1, (int) Math.ceil(maxX)), Math.min(h - 1, (int) Math.ceil(maxY))};
	}
}
