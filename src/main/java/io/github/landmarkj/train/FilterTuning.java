package io.github.landmarkj.train;

import io.github.landmarkj.video.OneEuroSmoother;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Tunes the One-Euro filter's two parameters (cut-off at rest, speed coefficient beta) by grid search on
 * training sequences: the setting with the lowest NME wins (its jitter is reported beside it).
 */
public final class FilterTuning {
	/** One grid point and what it scored. */
	public record Setting(double minCutoffHz, double beta, double nme, double jitter) {
		public OneEuroSmoother smoother() {
			return new OneEuroSmoother(minCutoffHz, beta, DERIVATIVE_CUTOFF_HZ, RESET_SECONDS);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "min_cutoff %.3g Hz, beta %.3g: NME %.3f%%, jitter %.3f%%", minCutoffHz, beta,
					100 * nme, 100 * jitter);
		}
	}

	public static final double DERIVATIVE_CUTOFF_HZ = 1.0;
	public static final double RESET_SECONDS = 1.0;
	public static final double[] MIN_CUTOFFS_HZ = {0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8, 12, 20};
	public static final double[] BETAS = {0, 0.3, 1, 2, 4, 8, 15, 30, 60, 120};

	private final List<Setting> grid;

	private FilterTuning(List<Setting> grid) {
		this.grid = Collections.unmodifiableList(grid);
	}

	public static FilterTuning run(List<LabelledSequence> sequences, int eyeRight, int eyeLeft) {
		List<Setting> grid = new ArrayList<>();
		for (double c : MIN_CUTOFFS_HZ) {
			for (double b : BETAS) {
				OneEuroSmoother f = new OneEuroSmoother(c, b, DERIVATIVE_CUTOFF_HZ, RESET_SECONDS);
				SequenceMetrics m = new SequenceMetrics(sequences.get(0).points, eyeRight, eyeLeft);
				for (LabelledSequence s : sequences) {
					m.add(SequenceSmoothing.apply(f, s), s.truthXy(), s.frames);
				}
				grid.add(new Setting(c, b, m.nme(), m.jitter()));
			}
		}
		return new FilterTuning(grid);
	}

	public List<Setting> grid() {
		return grid;
	}

	/** The setting with the lowest NME. */
	public Setting best() {
		Setting best = grid.get(0);
		for (Setting s : grid) {
			if (s.nme < best.nme) {
				best = s;
			}
		}
		return best;
	}
}
