package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.LutLoader;
import ij.process.LUT;
import io.github.landmarkj.core.HeatmapLayers;
import io.github.landmarkj.core.LandmarkScheme;

/**
 * The network's raw outputs of one plane as images the size of the input, so that they lie over it
 * ({@link HeatmapLayers}): the landmark heat maps (one slice per point, then their maximum, LUT "Fire")
 * and the occlusion map (probability that something covers the face there, 0-1, LUT "Ice").
 */
public final class HeatmapImages {
	private HeatmapImages() {
	}

	/** A stack of {@code points + 1} float slices: one per point (named after it), then the maximum. */
	public static ImagePlus heatmaps(ImagePlus source, PlaneFaces pf, LandmarkScheme scheme) {
		int w = source.getWidth(), h = source.getHeight(), m = scheme.size();
		float[][] slices = HeatmapLayers.heatmaps(pf.faces, m, w, h);
		ImageStack stack = new ImageStack(w, h);
		for (int k = 0; k < m; k++) {
			stack.addSlice(scheme.pointName(k), slices[k]);
		}
		stack.addSlice("maximum", slices[m]);
		return finish(new ImagePlus(source.getShortTitle() + " landmark heat maps", stack), source, "fire", 1);
	}

	/** One float image of the occlusion probability, 0-1. */
	public static ImagePlus occlusion(ImagePlus source, PlaneFaces pf) {
		int w = source.getWidth(), h = source.getHeight();
		ImageStack stack = new ImageStack(w, h);
		stack.addSlice("occlusion", HeatmapLayers.occlusion(pf.faces, w, h));
		return finish(new ImagePlus(source.getShortTitle() + " occlusion", stack), source, "ice", 1);
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
