package io.github.landmarkj.eval;

import java.util.List;

import io.github.landmarkj.core.LandmarkGroup;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.Point2;

/**
 * Landmark accuracy as reported in the face-alignment literature: the normalised mean error (NME) of a
 * face is the mean point-to-point distance between prediction and ground truth divided by a face size,
 * either the inter-ocular distance (outer eye corners, the 300-W convention) or the inter-pupil distance
 * (centroids of the "right_eye" and "left_eye" groups). Both are measured on the ground truth.
 */
public final class Metrics {
	static final String RIGHT_EYE = "right_eye";
	static final String LEFT_EYE = "left_eye";

	private final LandmarkScheme scheme;

	public Metrics(LandmarkScheme scheme) {
		this.scheme = scheme;
	}

	/** Distance between the ground truth's outer eye corners. */
	public double interOcularDistance(List<Point2> truth) {
		checkSize(truth, "ground truth");
		return truth.get(scheme.outerEyeRight()).distance(truth.get(scheme.outerEyeLeft()));
	}

	/** Distance between the centroids of the ground truth's eye groups; NaN when the scheme has none. */
	public double interPupilDistance(List<Point2> truth) {
		checkSize(truth, "ground truth");
		LandmarkGroup right = scheme.group(RIGHT_EYE), left = scheme.group(LEFT_EYE);
		if (right == null || left == null) {
			return Double.NaN;
		}
		return centroid(truth, right).distance(centroid(truth, left));
	}

	/** Per-point error divided by the inter-ocular distance. */
	public double[] pointErrors(List<Point2> predicted, List<Point2> truth) {
		return pointErrors(predicted, truth, positive(interOcularDistance(truth), "inter-ocular"));
	}

	/** Mean point error divided by the inter-ocular distance. */
	public double nmeInterOcular(List<Point2> predicted, List<Point2> truth) {
		return mean(pointErrors(predicted, truth));
	}

	/** Mean point error divided by the inter-pupil distance; NaN when the scheme has no eye groups. */
	public double nmeInterPupil(List<Point2> predicted, List<Point2> truth) {
		double d = interPupilDistance(truth);
		if (Double.isNaN(d)) {
			return Double.NaN;
		}
		return mean(pointErrors(predicted, truth, positive(d, "inter-pupil")));
	}

	/** Evaluates faces pairwise: {@code predicted.get(k)} against {@code truth.get(k)}. */
	public EvaluationSummary evaluate(List<List<Point2>> predicted, List<List<Point2>> truth) {
		if (predicted.size() != truth.size()) {
			throw new IllegalArgumentException(predicted.size() + " predictions for " + truth.size() + " ground-truth faces");
		}
		if (truth.isEmpty()) {
			throw new IllegalArgumentException("No faces to evaluate");
		}
		int n = truth.size();
		double[] io = new double[n];
		double[] ip = new double[n];
		double[] perPoint = new double[scheme.size()];
		for (int k = 0; k < n; k++) {
			double[] e = pointErrors(predicted.get(k), truth.get(k));
			io[k] = mean(e);
			ip[k] = nmeInterPupil(predicted.get(k), truth.get(k));
			for (int i = 0; i < e.length; i++) {
				perPoint[i] += e[i] / n;
			}
		}
		return new EvaluationSummary(io, ip, perPoint);
	}

	private double[] pointErrors(List<Point2> predicted, List<Point2> truth, double norm) {
		checkSize(predicted, "prediction");
		checkSize(truth, "ground truth");
		double[] e = new double[truth.size()];
		for (int i = 0; i < e.length; i++) {
			e[i] = predicted.get(i).distance(truth.get(i)) / norm;
		}
		return e;
	}

	private void checkSize(List<Point2> points, String what) {
		if (points.size() != scheme.size()) {
			throw new IllegalArgumentException("A " + what + " has " + points.size() + " points but scheme "
					+ scheme.name() + " has " + scheme.size());
		}
	}

	private static double positive(double d, String what) {
		if (!(d > 0)) {
			throw new IllegalArgumentException("The ground truth's " + what
					+ " distance is zero: its eye points coincide, so the face cannot be evaluated");
		}
		return d;
	}

	private static Point2 centroid(List<Point2> points, LandmarkGroup g) {
		double x = 0, y = 0;
		for (int i = g.first; i <= g.last; i++) {
			x += points.get(i).x;
			y += points.get(i).y;
		}
		return new Point2(x / g.size(), y / g.size());
	}

	private static double mean(double[] v) {
		double s = 0;
		for (double x : v) {
			s += x;
		}
		return s / v.length;
	}
}
