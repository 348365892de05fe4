package io.github.landmarkj.video;

import java.util.ArrayList;
import java.util.List;

/** The raw per-frame estimates, unchanged: {@code --temporal none}. */
public final class NoSmoothing implements TrackSmoother {
	public static final String NAME = "none";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<FrameEstimate> smooth(List<FrameEstimate> track) {
		return new ArrayList<>(track);
	}
}
