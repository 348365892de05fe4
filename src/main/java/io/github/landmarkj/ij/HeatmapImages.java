package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.LutLoader;
import ij.process.FloatProcessor;
import ij.process.LUT;
import io.github.landmarkj.core.FaceAnalysis;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.SimilarityTransform;

/**
 * The network's raw outputs of one plane as images the size of the input, so that they lie over it:
 * the landmark heat maps (one slice per point, then their maximum, LUT "Fire") and the occlusion map
 * (probability that something covers the face there, 0-1). Each face's maps are resampled from its crop
 * back to the image through the inverse of the crop transform; where faces overlap the larger value wins;
 * outside every crop the value is 0.
 */
public final class HeatmapImages {
	private HeatmapImages() {
	}

	/** A stack of {@code points + 1} float slices: one per point (named after it), then the maximum. */
	public static ImagePlus heatmaps(ImagePlus source, PlaneFaces pf, LandmarkScheme scheme) {
		int w = source.getWidth(), h = source.getHeight(), m = scheme.size();
		float[][] slices = new float[m + 1][w * h];
		for (FaceAnalysis face : pf.faces) {
			Heatmaps maps = face.heatmaps;
			int[] box = imageBounds(face.imageToCrop, maps.size * maps.stride, w, h);
			for (int k = 0; k < m; k++) {
				float[] map = maps.map(k);
				paint(slices[k], w, box, face.imageToCrop, (cx, cy) -> sample(map, maps.size, maps.fromCrop(cx), maps.fromCrop(cy)));
			}
		}
		ImageStack stack = new ImageStack(w, h);
		for (int k = 0; k < m; k++) {
			stack.addSlice(scheme.pointName(k), slices[k]);
			for (int i = 0; i < w * h; i++) {
				slices[m][i] = Math.max(slices[m][i], slices[k][i]);
			}
		}
		stack.addSlice("maximum", slices[m]);
		return finish(new ImagePlus(source.getShortTitle() + " landmark heat maps", stack), source, "fire", 1);
	}

	/** One float image of the occlusion probability, 0-1. */
	public static ImagePlus occlusion(ImagePlus source, PlaneFaces pf) {
		int w = source.getWidth(), h = source.getHeight();
		float[] out = new float[w * h];
		for (FaceAnalysis face : pf.faces) {
			Heatmaps maps = face.heatmaps;
			float[] grid = maps.occlusionGrid();
			int n = maps.occlusionSize, s = maps.occlusionStride;
			int[] box = imageBounds(face.imageToCrop, n * s, w, h);
			paint(out, w, box, face.imageToCrop, (cx, cy) -> sample(grid, n, (cx - (s - 1) / 2.0) / s, (cy - (s - 1) / 2.0) / s));
		}
		ImageStack stack = new ImageStack(w, h);
		stack.addSlice("occlusion", out);
		return finish(new ImagePlus(source.getShortTitle() + " occlusion", stack), source, "ice", 1);
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

	private static ImagePlus finish(ImagePlus imp, ImagePlus source, String lutName, double max) {
		imp.setCalibration(source.getCalibration().copy());
		java.awt.image.IndexColorModel colours = LutLoader.getLut(lutName);
		if (colours != null) {
			LUT lut = new LUT(colours, 0, max);
			imp.getProcessor().setLut(lut);
			imp.getStack().setColorModel(lut);
		}
		imp.setDisplayRange(0, max);
		return imp;
	}

}
