package io.github.landmarkj.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The landmarks of one face: positions in image pixels (0-based), a confidence in [0,1] and an
 * "occluded" flag per point. Immutable.
 */
public final class Landmarks {
	private final List<Point2> points;
	private final double[] confidence;
	private final boolean[] occluded;

	public Landmarks(List<Point2> points, double[] confidence, boolean[] occluded) {
		if (confidence.length != points.size() || occluded.length != points.size()) {
			throw new IllegalArgumentException("points, confidence and occluded must have the same length");
		}
		this.points = Collections.unmodifiableList(new ArrayList<>(points));
		this.confidence = confidence.clone();
		this.occluded = occluded.clone();
	}

	/** Ground-truth style landmarks: confidence 1, nothing occluded. */
	public static Landmarks of(List<Point2> points) {
		double[] c = new double[points.size()];
		java.util.Arrays.fill(c, 1.0);
		return new Landmarks(points, c, new boolean[points.size()]);
	}

	public int size() {
		return points.size();
	}

	public Point2 point(int i) {
		return points.get(i);
	}

	public List<Point2> points() {
		return points;
	}

	public double confidence(int i) {
		return confidence[i];
	}

	public boolean occluded(int i) {
		return occluded[i];
	}

	public double meanConfidence() {
		double s = 0;
		for (double c : confidence) {
			s += c;
		}
		return confidence.length == 0 ? 0 : s / confidence.length;
	}

	public FaceBox boundingBox() {
		return FaceBox.enclosing(points);
	}

	/** The same landmarks with every point mapped through {@code t}. */
	public Landmarks transformed(SimilarityTransform t) {
		List<Point2> moved = new ArrayList<>(points.size());
		for (Point2 p : points) {
			moved.add(t.apply(p));
		}
		return new Landmarks(moved, confidence, occluded);
	}

	/** Reorders points by {@code permutation} (new i = old permutation[i]), e.g. after a mirror. */
	public Landmarks permuted(int[] permutation) {
		List<Point2> p = new ArrayList<>(points.size());
		double[] c = new double[points.size()];
		boolean[] o = new boolean[points.size()];
		for (int i = 0; i < permutation.length; i++) {
			p.add(points.get(permutation[i]));
			c[i] = confidence[permutation[i]];
			o[i] = occluded[permutation[i]];
		}
		return new Landmarks(p, c, o);
	}

	public Landmarks withOccluded(boolean[] flags) {
		return new Landmarks(points, confidence, flags);
	}
}
