package io.github.landmarkj.engine;

import io.github.landmarkj.core.CropRule;
import io.github.landmarkj.core.HeatmapDecoder;
import io.github.landmarkj.core.InputNormalisation;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.SubpixelMethod;
import io.github.landmarkj.net.NetConfig;

/**
 * The landmark-specific part of a model package: what the points mean, the architecture, how a face
 * box becomes the input crop and how the crop is normalised, and how heat maps are made and decoded.
 */
public final class LandmarkSpec {
	public final LandmarkScheme scheme;
	public final NetConfig net;
	/** The crop's side over the face box's longer side. */
	public final double cropScale;
	public final InputNormalisation normalisation;
	public final HeatmapSettings heatmaps;

	public LandmarkSpec(LandmarkScheme scheme, NetConfig net, double cropScale, InputNormalisation normalisation,
			HeatmapSettings heatmaps) {
		if (scheme.size() != net.landmarks) {
			throw new IllegalArgumentException("The scheme has " + scheme.size() + " points but the network predicts " + net.landmarks);
		}
		this.scheme = scheme;
		this.net = net;
		this.cropScale = new CropRule(net.inputSize, cropScale).scale;
		this.normalisation = normalisation;
		this.heatmaps = heatmaps;
	}

	/**
	 * The 68-point iBUG face model's settings before training; decoded by DARK, which measured better than
	 * the centre of gravity on face68 1.1.0's validation faces (card, "Decoding").
	 */
	public static LandmarkSpec face68(NetConfig net) {
		return new LandmarkSpec(LandmarkScheme.ibug68(), net, 1.35, InputNormalisation.imagenet(),
				new HeatmapSettings(1.5, 3, 0.5, SubpixelMethod.DARK));
	}

	public CropRule cropRule() {
		return new CropRule(net.inputSize, cropScale);
	}

	public HeatmapDecoder decoder() {
		return heatmaps.decoder();
	}

	/** The side of a face box in input pixels (to shrink big training images in memory). */
	public double faceSideAtInput() {
		return net.inputSize / cropScale;
	}

	public LandmarkSpec withNet(NetConfig newNet) {
		return new LandmarkSpec(scheme, newNet, cropScale, normalisation, heatmaps);
	}
}
