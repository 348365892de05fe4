package io.github.landmarkj.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What the temporal model sees of a track and how its answer maps back to pixels. Each frame is
 * described in its own face frame: the centre of the tight box of that frame's per-frame points, and as
 * scale the median of the boxes' longer sides over the frames within {@link #SCALE_HALF_WINDOW} of it
 * (a frame whose points collapse or scatter does not blow up the scale), so that the model is blind to
 * where the face is and how large it is. Values are clipped to {@link #CLIP}. Per frame and point:
 * the point relative to the box centre (in box sides), its motion since the previous frame (in box sides,
 * x {@link #MOTION_SCALE}), and its confidence; {@link #FEATURES_PER_POINT} values per point. The model
 * answers a correction per point in box sides x {@link #CORRECTION_SCALE}, added to the per-frame point.
 */
public final class TemporalFeatures {
	public static final int FEATURES_PER_POINT = 5;
	/** Motion between frames is small against the box: scaled up to the range of the other features. */
	public static final float MOTION_SCALE = 10f;
	/** Corrections are about a hundredth of the box: scaled up so that the network's outputs are near 1. */
	public static final float CORRECTION_SCALE = 20f;
	/** Frames on each side whose box sizes make a frame's scale. */
	public static final int SCALE_HALF_WINDOW = 15;
	/** Inputs and targets are clipped to +-CLIP (a correction of one face size at most). */
	public static final float CLIP = 20f;

	private final int points;

	public TemporalFeatures(int points) {
		if (points < 1) {
			throw new IllegalArgumentException("points must be positive");
		}
		this.points = points;
	}

	public int points() {
		return points;
	}

	public int inputWidth() {
		return FEATURES_PER_POINT * points;
	}

	public int outputWidth() {
		return 2 * points;
	}

	/** The face frame of a frame's points: centre x, centre y, side. */
	public static double[] faceFrame(float[] xy, int offset, int points) {
		double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
		double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < points; i++) {
			double x = xy[offset + 2 * i], y = xy[offset + 2 * i + 1];
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
		}
		return new double[] {(minX + maxX) / 2, (minY + maxY) / 2, Math.max(1e-3, Math.max(maxX - minX, maxY - minY))};
	}

	/** Per frame: box centre x, y, and the scale (median longer box side over the nearby frames). */
	public double[][] faceFrames(float[] xy, int frames) {
		double[][] f = new double[frames][];
		double[] sides = new double[frames];
		for (int t = 0; t < frames; t++) {
			f[t] = faceFrame(xy, t * points * 2, points);
			sides[t] = f[t][2];
		}
		for (int t = 0; t < frames; t++) {
			int from = Math.max(0, t - SCALE_HALF_WINDOW), to = Math.min(frames, t + SCALE_HALF_WINDOW + 1);
			double[] near = java.util.Arrays.copyOfRange(sides, from, to);
			java.util.Arrays.sort(near);
			f[t][2] = near.length % 2 == 1 ? near[near.length / 2] : (near[near.length / 2 - 1] + near[near.length / 2]) / 2;
		}
		return f;
	}

	private static float clip(double v) {
		return (float) Math.max(-CLIP, Math.min(CLIP, v));
	}

	/**
	 * The model's input for a run of consecutive frames.
	 * @param xy frames x points x 2 per-frame points (pixels), @param confidence frames x points
	 * @return frames x {@link #inputWidth()} values
	 */
	public float[] encode(float[] xy, float[] confidence, int frames) {
		check(xy, confidence, frames);
		int w = inputWidth();
		float[] out = new float[frames * w];
		double[][] f = faceFrames(xy, frames);
		for (int t = 0; t < frames; t++) {
			int base = t * points * 2;
			int prev = t == 0 ? base : base - points * 2;
			double scale = f[t][2];
			for (int i = 0; i < points; i++) {
				int o = t * w + i * FEATURES_PER_POINT;
				float x = xy[base + 2 * i], y = xy[base + 2 * i + 1];
				out[o] = clip((x - f[t][0]) / scale);
				out[o + 1] = clip((y - f[t][1]) / scale);
				out[o + 2] = clip((x - xy[prev + 2 * i]) / scale * MOTION_SCALE);
				out[o + 3] = clip((y - xy[prev + 2 * i + 1]) / scale * MOTION_SCALE);
				out[o + 4] = confidence[t * points + i];
			}
		}
		return out;
	}

	/** The correction that takes the per-frame points to {@code truthXy}: what the model learns to answer. */
	public float[] target(float[] xy, float[] truthXy, int frames) {
		if (truthXy.length != xy.length) {
			throw new IllegalArgumentException("Truth and per-frame points differ in length");
		}
		float[] out = new float[frames * points * 2];
		double[][] f = faceFrames(xy, frames);
		for (int t = 0; t < frames; t++) {
			int base = t * points * 2;
			double side = f[t][2];
			for (int k = 0; k < points * 2; k++) {
				out[base + k] = clip((truthXy[base + k] - xy[base + k]) / side * CORRECTION_SCALE);
			}
		}
		return out;
	}

	/** The per-frame points moved by the model's corrections (frames x points x 2, pixels). */
	public float[] apply(float[] xy, float[] correction, int frames) {
		if (correction.length != xy.length) {
			throw new IllegalArgumentException("Corrections and per-frame points differ in length");
		}
		float[] out = new float[xy.length];
		double[][] f = faceFrames(xy, frames);
		for (int t = 0; t < frames; t++) {
			int base = t * points * 2;
			double side = f[t][2];
			for (int k = 0; k < points * 2; k++) {
				out[base + k] = (float) (xy[base + k] + correction[base + k] / CORRECTION_SCALE * side);
			}
		}
		return out;
	}

	/** Frames x points x 2 from a list of point lists. */
	public static float[] interleave(List<List<Point2>> frames) {
		int m = frames.isEmpty() ? 0 : frames.get(0).size();
		float[] out = new float[frames.size() * m * 2];
		for (int t = 0; t < frames.size(); t++) {
			for (int i = 0; i < m; i++) {
				Point2 p = frames.get(t).get(i);
				out[(t * m + i) * 2] = (float) p.x;
				out[(t * m + i) * 2 + 1] = (float) p.y;
			}
		}
		return out;
	}

	/** The points of frame {@code t} of an interleaved array. */
	public List<Point2> frame(float[] xy, int t) {
		return frame(xy, points, t);
	}

	/** The {@code points} points of frame {@code t} of an interleaved array (frames x points x 2). */
	public static List<Point2> frame(float[] xy, int points, int t) {
		List<Point2> out = new ArrayList<>(points);
		for (int i = 0; i < points; i++) {
			out.add(new Point2(xy[(t * points + i) * 2], xy[(t * points + i) * 2 + 1]));
		}
		return out;
	}

	private void check(float[] xy, float[] confidence, int frames) {
		if (xy.length != frames * points * 2 || confidence.length != frames * points) {
			throw new IllegalArgumentException("Expected " + frames + " frames of " + points + " points");
		}
	}
}
