package io.github.landmarkj.video;

import java.util.Arrays;
import java.util.List;

/** The smoothers users choose by name with {@code --temporal} / {@code temporal=}. */
public final class TrackSmoothers {
	private TrackSmoothers() {
	}

	/** The names known here; {@code learned} needs a temporal model and is built where the model is loaded. */
	public static List<String> names() {
		return Arrays.asList(NoSmoothing.NAME, OneEuroSmoother.NAME);
	}

	/** {@code none} or {@code filter} (One-Euro with its default setting). */
	public static TrackSmoother classic(String name) {
		switch (name) {
			case NoSmoothing.NAME:
				return new NoSmoothing();
			case OneEuroSmoother.NAME:
				return new OneEuroSmoother();
			default:
				throw new IllegalArgumentException("Unknown temporal smoothing '" + name + "'; choose one of " + names());
		}
	}
}
