package io.github.landmarkj.core;

/** A point in pixel coordinates (0-based: the centre of the top-left pixel is 0,0). */
public final class Point2 {
	public final double x;
	public final double y;

	public Point2(double x, double y) {
		this.x = x;
		this.y = y;
	}

	public double distance(Point2 other) {
		return Math.hypot(x - other.x, y - other.y);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Point2 && ((Point2) o).x == x && ((Point2) o).y == y;
	}

	@Override
	public int hashCode() {
		return Double.hashCode(x) * 31 + Double.hashCode(y);
	}

	@Override
	public String toString() {
		return "(" + x + ", " + y + ")";
	}
}
