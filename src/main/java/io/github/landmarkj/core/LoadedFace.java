package io.github.landmarkj.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A decoded annotated face kept in memory (training, evaluation, ROI annotations): pixels (possibly pre-shrunk) and its points in those pixels. */
public record LoadedFace(String id, RgbImage image, List<Point2> points) {
	public LoadedFace {
		points = Collections.unmodifiableList(new ArrayList<>(points));
	}

	/**
	 * Shrinks the image by an integer factor when its face is much larger than the model will see it,
	 * so that thousands of faces fit in memory; the crop warp would average those pixels anyway.
	 */
	public static LoadedFace shrunkFor(String id, RgbImage image, List<Point2> points, double faceSideAtInput) {
		double side = FaceBox.enclosing(points).width;
		side = Math.max(side, FaceBox.enclosing(points).height);
		int k = (int) Math.floor(side / (1.2 * faceSideAtInput));
		if (k < 2) {
			return new LoadedFace(id, image, points);
		}
		List<Point2> moved = new ArrayList<>(points.size());
		for (Point2 p : points) {
			moved.add(new Point2((p.x - (k - 1) / 2.0) / k, (p.y - (k - 1) / 2.0) / k));
		}
		return new LoadedFace(id, image.downsample(k), moved);
	}
}
