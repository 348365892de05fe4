package io.github.landmarkj.train;

import com.google.gson.JsonObject;
import io.github.landmarkj.video.NoSmoothing;
import io.github.landmarkj.video.OneEuroSmoother;
import io.github.landmarkj.video.TrackSmoother;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Raw per-frame output, the One-Euro filter (default and tuned settings) and the learned model on the
 * same held-out sequences: NME and normalised mean jitter of each, and which one should be the default.
 * The learned model is the default only if it beats the tuned filter on NME at equal or lower jitter.
 */
public final class TemporalComparison {
	private final Map<String, double[]> figures;
	private final FilterTuning.Setting tuned;
	private final long frames;

	private TemporalComparison(Map<String, double[]> figures, FilterTuning.Setting tuned, long frames) {
		this.figures = figures;
		this.tuned = tuned;
		this.frames = frames;
	}

	public static TemporalComparison run(List<LabelledSequence> heldOut, FilterTuning.Setting tuned, TrackSmoother learned,
			int eyeRight, int eyeLeft) {
		Map<String, TrackSmoother> smoothers = new LinkedHashMap<>();
		smoothers.put("raw", new NoSmoothing());
		smoothers.put("filter_default", new OneEuroSmoother());
		smoothers.put("filter_tuned", tuned.smoother());
		smoothers.put("learned", learned);
		Map<String, double[]> figures = new LinkedHashMap<>();
		long frames = 0;
		for (Map.Entry<String, TrackSmoother> e : smoothers.entrySet()) {
			SequenceMetrics m = new SequenceMetrics(heldOut.get(0).points, eyeRight, eyeLeft);
			for (LabelledSequence s : heldOut) {
				m.add(SequenceSmoothing.apply(e.getValue(), s), s.truthXy(), s.frames);
			}
			figures.put(e.getKey(), new double[] {m.nme(), m.jitter()});
			frames = m.frames();
		}
		return new TemporalComparison(figures, tuned, frames);
	}

	public double nme(String name) {
		return figures.get(name)[0];
	}

	public double jitter(String name) {
		return figures.get(name)[1];
	}

	/** Whether the learned model beats the tuned filter on NME at equal or lower jitter. */
	public boolean learnedWins() {
		return nme("learned") < nme("filter_tuned") && jitter("learned") <= jitter("filter_tuned");
	}

	public List<String> lines() {
		List<String> out = new ArrayList<>();
		out.add("Held-out synthetic sequences (validation faces), " + frames + " frames:");
		for (Map.Entry<String, double[]> e : figures.entrySet()) {
			out.add(String.format(Locale.ROOT, "  %-15s NME(io) %.3f%%  jitter %.3f%%", e.getKey(), 100 * e.getValue()[0],
					100 * e.getValue()[1]));
		}
		out.add("  tuned filter: " + String.format(Locale.ROOT, "min_cutoff %.3g Hz, beta %.3g", tuned.minCutoffHz(), tuned.beta()));
		out.add("  default smoothing: " + (learnedWins() ? "learned" : "filter"));
		return out;
	}

	public JsonObject toJson() {
		JsonObject o = new JsonObject();
		o.addProperty("frames", frames);
		for (Map.Entry<String, double[]> e : figures.entrySet()) {
			JsonObject f = new JsonObject();
			f.addProperty("nme_io", e.getValue()[0]);
			f.addProperty("jitter_io", e.getValue()[1]);
			o.add(e.getKey(), f);
		}
		JsonObject t = new JsonObject();
		t.addProperty("min_cutoff_hz", tuned.minCutoffHz());
		t.addProperty("beta", tuned.beta());
		t.addProperty("derivative_cutoff_hz", FilterTuning.DERIVATIVE_CUTOFF_HZ);
		t.addProperty("tuned_on", "training sequences, lowest NME on the grid");
		o.add("filter_tuned_setting", t);
		o.addProperty("default", learnedWins() ? "learned" : "filter");
		return o;
	}
}
