package io.github.landmarkj.core;

import java.util.List;

/**
 * An axis-aligned face region in image pixels: 0-based top-left corner, width and height. Throughout
 * LandmarkJ a face box is the tight bounding box of the face's landmarks.
 */
public final class FaceBox {
	public final double x;
	public final double y;
	public final double width;
	public final double height;
	/** Detector score in [0,1]; 1 for boxes given by the user. */
	public final double score;

	public FaceBox(double x, double y, double width, double height, double score) {
		if (!(width > 0) || !(height > 0)) {
			throw new IllegalArgumentException("A face box needs a positive width and height, got " + width + " x " + height);
		}
		this.x = x;
		this.y = y;
		this.width = width;
		this.height = height;
		this.score = score;
	}

	public FaceBox(double x, double y, double width, double height) {
		this(x, y, width, height, 1.0);
	}

	/** The tight bounding box of the points. */
	public static FaceBox enclosing(List<Point2> points) {
		double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
		double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
		for (Point2 p : points) {
			minX = Math.min(minX, p.x);
			minY = Math.min(minY, p.y);
			maxX = Math.max(maxX, p.x);
			maxY = Math.max(maxY, p.y);
		}
		return new FaceBox(minX, minY, Math.max(maxX - minX, 1e-6), Math.max(maxY - minY, 1e-6));
	}

	public double centerX() {
		return x + width / 2;
	}

	public double centerY() {
		return y + height / 2;
	}

	public double area() {
		return width * height;
	}

	/** Intersection over union with another box. */
	public double iou(FaceBox o) {
		double ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
		double iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
		double inter = ix * iy;
		return inter / (area() + o.area() - inter);
	}

	@Override
	public String toString() {
		return String.format("FaceBox[x=%.1f, y=%.1f, w=%.1f, h=%.1f, score=%.3f]", x, y, width, height, score);
	}
}
