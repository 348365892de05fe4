package io.github.landmarkj.engine;

import java.util.Locale;

/** What a {@link LandmarkDetector} runs besides each face's crop. */
public enum TestTimeAugmentation {
	/** The crop only. */
	NONE,
	/**
	 * The crop and its mirror image, in one batch; the heat maps are averaged after un-mirroring
	 * ({@link io.github.landmarkj.core.FlipAveraging}). Twice the network's work per face.
	 */
	FLIP;

	public static TestTimeAugmentation of(boolean flip) {
		return flip ? FLIP : NONE;
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
