package io.github.landmarkj.video;

import ai.djl.Device;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.TemporalFeatures;
import io.github.landmarkj.engine.NativeLibraries;
import io.github.landmarkj.engine.TemporalModel;
import io.github.landmarkj.engine.ModelLocator;
import io.github.landmarkj.engine.TemporalKind;
import io.github.landmarkj.net.TemporalConfig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --temporal learned}: the learned temporal model (a GRU over the track's per-frame points and
 * confidences) corrects each run of consecutive trusted frames of a track. Failed frames pass through
 * and cut the track into runs, so they never pull trusted points; a run of one frame passes through.
 * Holds a native network: close it when done. Not for parallel use (calls are serialised).
 */
public final class LearnedSmoother implements TrackSmoother, AutoCloseable {
	public static final String NAME = "learned";

	private final TemporalModel model;
	private final TemporalFeatures features;
	private final String origin;

	public LearnedSmoother(TemporalModel model, String origin) {
		this.model = model;
		this.features = new TemporalFeatures(model.config().points());
		this.origin = origin;
	}

	/** @param modelSpec {@code temporal68} (bundled) or a temporal model folder */
	public static LearnedSmoother open(String modelSpec, Device device) throws IOException {
		ModelLocator.LocatedModel<TemporalConfig> located = ModelLocator.locate(modelSpec, TemporalKind.INSTANCE);
		NativeLibraries.requireLoadable();
		return new LearnedSmoother(TemporalModel.load(located, device), located.origin);
	}

	@Override
	public String name() {
		return NAME;
	}

	/** Where the model came from: "bundled:temporal68" or a folder. */
	public String origin() {
		return origin;
	}

	@Override
	public List<FrameEstimate> smooth(List<FrameEstimate> track) {
		List<FrameEstimate> out = new ArrayList<>(track);
		int start = 0;
		while (start < track.size()) {
			if (!usable(track.get(start))) {
				start++;
				continue;
			}
			int end = start + 1;
			while (end < track.size() && usable(track.get(end)) && track.get(end).frame() == track.get(end - 1).frame() + 1) {
				end++;
			}
			if (end - start >= 2) {
				correct(track, start, end, out);
			}
			start = end;
		}
		return out;
	}

	private boolean usable(FrameEstimate e) {
		return e.success() && e.landmarks().size() == features.points();
	}

	private void correct(List<FrameEstimate> track, int start, int end, List<FrameEstimate> out) {
		int frames = end - start, m = features.points();
		float[] xy = new float[frames * m * 2], conf = new float[frames * m];
		for (int t = 0; t < frames; t++) {
			Landmarks l = track.get(start + t).landmarks();
			for (int i = 0; i < m; i++) {
				xy[(t * m + i) * 2] = (float) l.point(i).x;
				xy[(t * m + i) * 2 + 1] = (float) l.point(i).y;
				conf[t * m + i] = (float) l.confidence(i);
			}
		}
		float[] corrected = features.apply(xy, model.predict(features.encode(xy, conf, frames), frames), frames);
		for (int t = 0; t < frames; t++) {
			FrameEstimate e = track.get(start + t);
			List<Point2> points = features.frame(corrected, t);
			double[] c = new double[m];
			boolean[] occluded = new boolean[m];
			for (int i = 0; i < m; i++) {
				c[i] = e.landmarks().confidence(i);
				occluded[i] = e.landmarks().occluded(i);
			}
			out.set(start + t, e.withLandmarks(new Landmarks(points, c, occluded), e.pose()));
		}
	}

	@Override
	public void close() {
		model.close();
	}
}
