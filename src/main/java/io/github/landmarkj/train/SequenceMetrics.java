package io.github.landmarkj.train;

/**
 * Accuracy and jitter of point sequences against their ground truth, pooled over the frames of many
 * sequences. Both are in units of the face size, taken as the true inter-ocular distance of each frame
 * (outer eye corners):
 * <ul>
 * <li>NME: the mean over frames of the mean point-to-point error;</li>
 * <li>normalised mean jitter: the RMS over frames (from each sequence's second frame) of the RMS over
 * points of the frame-to-frame change of the error vector (prediction minus truth). A prediction that
 * follows the truth exactly, or is off by a constant, has zero jitter.</li>
 * </ul>
 * Points are interleaved per frame (x0, y0, x1, y1, ...). Not thread-safe: one accumulator per evaluation.
 */
public final class SequenceMetrics {
	private final int points;
	private final int eyeRight;
	private final int eyeLeft;
	private double nmeSum;
	private long nmeFrames;
	private double jitterSquares;
	private long jitterFrames;

	/** @param eyeRight index of the right outer eye corner, @param eyeLeft of the left one */
	public SequenceMetrics(int points, int eyeRight, int eyeLeft) {
		this.points = points;
		this.eyeRight = eyeRight;
		this.eyeLeft = eyeLeft;
	}

	/** Adds one sequence: {@code predicted} and {@code truth} are frames x points x 2. */
	public SequenceMetrics add(float[] predicted, float[] truth, int frames) {
		if (predicted.length != frames * points * 2 || truth.length != predicted.length) {
			throw new IllegalArgumentException("Expected " + frames + " frames of " + points + " points");
		}
		for (int t = 0; t < frames; t++) {
			int b = t * points * 2;
			double iod = Math.hypot(truth[b + 2 * eyeRight] - truth[b + 2 * eyeLeft], truth[b + 2 * eyeRight + 1] - truth[b + 2 * eyeLeft + 1]);
			if (!(iod > 0)) {
				throw new IllegalArgumentException("Frame " + t + " has coincident eye corners in its ground truth");
			}
			double err = 0, change = 0;
			for (int i = 0; i < points; i++) {
				double ex = predicted[b + 2 * i] - truth[b + 2 * i], ey = predicted[b + 2 * i + 1] - truth[b + 2 * i + 1];
				err += Math.hypot(ex, ey);
				if (t > 0) {
					int p = b - points * 2;
					double dx = ex - (predicted[p + 2 * i] - truth[p + 2 * i]), dy = ey - (predicted[p + 2 * i + 1] - truth[p + 2 * i + 1]);
					change += dx * dx + dy * dy;
				}
			}
			nmeSum += err / points / iod;
			nmeFrames++;
			if (t > 0) {
				double j = Math.sqrt(change / points) / iod;
				jitterSquares += j * j;
				jitterFrames++;
			}
		}
		return this;
	}

	/** Mean NME (inter-ocular) over all frames added. */
	public double nme() {
		return nmeFrames == 0 ? Double.NaN : nmeSum / nmeFrames;
	}

	/** Normalised mean jitter (inter-ocular) over all frames added after a sequence's first. */
	public double jitter() {
		return jitterFrames == 0 ? Double.NaN : Math.sqrt(jitterSquares / jitterFrames);
	}

	public long frames() {
		return nmeFrames;
	}
}
