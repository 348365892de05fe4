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

	/** How one window is augmented: mirrored or not, played backwards or not, and its first frame. */
	public record WindowDraw(boolean mirrored, boolean reversed, int start) {
	}

	/** Draws a window of {@code frames} frames of the sequence from {@code rng}: mirror, reverse, then the first frame. */
	public WindowDraw draw(LabelledSequence s, int frames, Random rng) {
		boolean mirrored = rng.nextBoolean();
		boolean reversed = rng.nextBoolean();
		return new WindowDraw(mirrored, reversed, rng.nextInt(s.frames - frames + 1));
	}

	/** The window {@code draw} of {@code frames} frames of the sequence. */
	public LabelledSequence apply(LabelledSequence s, int frames, WindowDraw draw) {
		LabelledSequence out = draw.mirrored() ? s.mirrored(mirror) : s;
		out = draw.reversed() ? out.reversed() : out;
		return window(out, draw.start(), frames);
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
