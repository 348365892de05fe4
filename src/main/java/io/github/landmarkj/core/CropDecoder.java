package io.github.landmarkj.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Post-processing of a landmark network: the heat maps of each crop decoded into points (centre of
 * gravity, confidence, occluded flag), then mapped back to image pixels by the crop's inverse transform.
 */
public final class CropDecoder {
	private final HeatmapDecoder decoder;

	public CropDecoder(HeatmapDecoder decoder) {
		this.decoder = decoder;
	}

	/** The face numbered {@code index} (0-based) in image pixels, with its heat maps and crop transform. */
	public FaceAnalysis analyse(int index, FaceCrop crop, Heatmaps maps) {
		Landmarks inImage = decoder.decode(maps).transformed(crop.imageToCrop.inverse());
		return new FaceAnalysis(new FaceResult(index, crop.box, inImage), maps, crop.imageToCrop);
	}

	/** Faces numbered in the order of the crops; {@code maps} holds one entry a crop. */
	public List<FaceAnalysis> analyse(List<FaceCrop> crops, List<Heatmaps> maps) {
		if (crops.size() != maps.size()) {
			throw new IllegalArgumentException(crops.size() + " crops but " + maps.size() + " network outputs");
		}
		List<FaceAnalysis> out = new ArrayList<>(crops.size());
		for (int i = 0; i < crops.size(); i++) {
			out.add(analyse(i, crops.get(i), maps.get(i)));
		}
		return out;
	}
}
