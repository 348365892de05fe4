package io.github.landmarkj.video;

import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The One-Euro filter (Casiez, Roussel and Vogel, CHI 2012) on every point of a track, causal (each frame
 * sees only the frames before it): a low-pass filter whose cut-off frequency rises with the point's
 * speed, so that a still face stops jittering and a moving face does not lag. Speeds are measured in face
 * sizes per second (the face size being the square root of the landmarks' box area), so one setting
 * serves small and large faces. Frames with {@code success == false} pass through unchanged and do not
 * move the filter; a gap of more than {@code resetSeconds} since the last trusted frame restarts it.
 *
 * @param minCutoffHz cut-off frequency of a still point (lower = smoother, more lag when it starts moving)
 * @param beta how fast the cut-off rises with speed, in Hz per (face size per second)
 * @param derivativeCutoffHz cut-off frequency of the speed estimate
 * @param resetSeconds a gap longer than this restarts the filter
 */
public record OneEuroSmoother(double minCutoffHz, double beta, double derivativeCutoffHz, double resetSeconds) implements TrackSmoother {
	public static final String NAME = "filter";

	public OneEuroSmoother {
		if (!(minCutoffHz > 0) || !(beta >= 0) || !(derivativeCutoffHz > 0) || !(resetSeconds > 0)) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
					"One-Euro filter needs positive cut-offs and reset time and beta >= 0, got %s, %s, %s, %s", minCutoffHz, beta,
					derivativeCutoffHz, resetSeconds));
		}
	}

	/** Default setting: 1 Hz at rest, beta 10 per face size per second, 1 Hz on the speed, reset after 1 s. */
	public OneEuroSmoother() {
		this(1.0, 10.0, 1.0, 1.0);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<FrameEstimate> smooth(List<FrameEstimate> track) {
		List<FrameEstimate> out = new ArrayList<>(track.size());
		double[] x = null, y = null, vx = null, vy = null;
		double lastTime = 0;
		for (FrameEstimate e : track) {
			if (!e.success()) {
				out.add(e);
				continue;
			}
			Landmarks l = e.landmarks();
			int n = l.size();
			double dt = e.timeSeconds() - lastTime;
			if (x == null || x.length != n || !(dt > 0) || dt > resetSeconds) {
				x = new double[n];
				y = new double[n];
				vx = new double[n];
				vy = new double[n];
				for (int i = 0; i < n; i++) {
					x[i] = l.point(i).x;
					y[i] = l.point(i).y;
				}
				lastTime = e.timeSeconds();
				out.add(e);
				continue;
			}
			double size = Math.sqrt(l.boundingBox().area());
			double aSpeed = alpha(derivativeCutoffHz, dt);
			List<Point2> points = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				Point2 p = l.point(i);
				vx[i] += aSpeed * ((p.x - x[i]) / dt - vx[i]);
				vy[i] += aSpeed * ((p.y - y[i]) / dt - vy[i]);
				double speed = Math.hypot(vx[i], vy[i]) / Math.max(size, 1e-6);
				double a = alpha(minCutoffHz + beta * speed, dt);
				x[i] += a * (p.x - x[i]);
				y[i] += a * (p.y - y[i]);
				points.add(new Point2(x[i], y[i]));
			}
			lastTime = e.timeSeconds();
			boolean[] occluded = new boolean[n];
			double[] confidence = new double[n];
			for (int i = 0; i < n; i++) {
				occluded[i] = l.occluded(i);
				confidence[i] = l.confidence(i);
			}
			out.add(e.withLandmarks(new Landmarks(points, confidence, occluded), e.pose()));
		}
		return out;
	}

	/** Smoothing factor of an exponential filter with cut-off {@code hz} for a step of {@code dt} seconds. */
	static double alpha(double hz, double dt) {
		double tau = 1 / (2 * Math.PI * hz);
		return 1 / (1 + tau / dt);
	}
}
