package io.github.landmarkj.train;

import io.github.landmarkj.core.Point2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One augmented face ready for the network: normalised input, targets, and the points in crop pixels. */
public final class TrainingExample {
	final float[] input;
	final float[] heatmaps;
	final float[] occlusionGrid;
	public final List<Point2> cropPoints;
	private final boolean[] occluded;

	TrainingExample(float[] input, float[] heatmaps, float[] occlusionGrid, List<Point2> cropPoints, boolean[] occluded) {
		this.input = input;
		this.heatmaps = heatmaps;
		this.occlusionGrid = occlusionGrid;
		this.cropPoints = Collections.unmodifiableList(new ArrayList<>(cropPoints));
		this.occluded = occluded;
	}

	public boolean occluded(int i) {
		return occluded[i];
	}

	public boolean[] occludedFlags() {
		return occluded.clone();
	}
}
