package io.github.landmarkj.train;

import io.github.landmarkj.core.TemporalFeatures;

import java.util.List;
import java.util.Random;

/**
 * Training batches for the temporal model: windows of recorded sequences, each window mirrored (with
 * the scheme's mirror permutation) and played backwards with probability 1/2 each, encoded as the
 * model's features and correction targets.
 */
public final class TemporalBatches {
	/** One batch: inputs (n, frames, inputWidth) and targets (n, frames, 2 x points), flat. */
	public static final class Batch {
		public final int size;
		public final int frames;
		public final float[] inputs;
		public final float[] targets;

		Batch(int size, int frames, float[] inputs, float[] targets) {
			this.size = size;
			this.frames = frames;
			this.inputs = inputs;
			this.targets = targets;
		}
	}

	private final TemporalFeatures features;
	private final int[] mirror;

	public TemporalBatches(TemporalFeatures features, int[] mirror) {
		this.features = features;
		this.mirror = mirror.clone();
	}

	/** A window of {@code frames} frames of the sequence, augmented as drawn from {@code rng}. */
	public LabelledSequence augmented(LabelledSequence s, int frames, Random rng) {
		LabelledSequence out = rng.nextBoolean() ? s.mirrored(mirror) : s;
		out = rng.nextBoolean() ? out.reversed() : out;
		return window(out, rng.nextInt(s.frames - frames + 1), frames);
	}

	/** Frames {@code start .. start + frames - 1} of a sequence. */
	public static LabelledSequence window(LabelledSequence s, int start, int frames) {
		if (start < 0 || frames < 1 || start + frames > s.frames) {
			throw new IllegalArgumentException("Window " + start + " + " + frames + " outside " + s.frames + " frames");
		}
		int m = s.points;
		float[] t = new float[frames * m * 2], r = new float[frames * m * 2], c = new float[frames * m];
		System.arraycopy(s.truthXy(), start * m * 2, t, 0, t.length);
		System.arraycopy(s.rawXy(), start * m * 2, r, 0, r.length);
		System.arraycopy(s.rawConfidence(), start * m, c, 0, c.length);
		return new LabelledSequence(s.source, frames, m, s.fps, s.width, s.height, t, r, c);
	}

	/** Features and targets of whole sequences of equal length (no augmentation). */
	public Batch encode(List<LabelledSequence> sequences) {
		int n = sequences.size(), frames = sequences.get(0).frames;
		int in = features.inputWidth(), out = features.outputWidth();
		float[] x = new float[n * frames * in], y = new float[n * frames * out];
		for (int k = 0; k < n; k++) {
			LabelledSequence s = sequences.get(k);
			if (s.frames != frames) {
				throw new IllegalArgumentException("Sequences of one batch must have the same length");
			}
			float[] raw = s.rawXy();
			System.arraycopy(features.encode(raw, s.rawConfidence(), frames), 0, x, k * frames * in, frames * in);
			System.arraycopy(features.target(raw, s.truthXy(), frames), 0, y, k * frames * out, frames * out);
		}
		return new Batch(n, frames, x, y);
	}
}
