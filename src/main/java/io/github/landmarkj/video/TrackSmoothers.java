package io.github.landmarkj.video;

import ai.djl.Device;
import io.github.landmarkj.engine.TemporalKind;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** The smoothers users choose by name with {@code --temporal} / {@code temporal=}. */
public final class TrackSmoothers {
	private TrackSmoothers() {
	}

	/**
	 * The default: the One-Euro filter. The learned model (temporal68) beat it only on sequences recorded
	 * with the per-frame network's oneDNN bug; on re-recorded held-out videos it loses on NME
	 * (models/temporal68/CARD.md), so it stays an option.
	 */
	public static final String DEFAULT = OneEuroSmoother.NAME;

	/** Every name users may give. */
	public static List<String> names() {
		return Arrays.asList(LearnedSmoother.NAME, OneEuroSmoother.NAME, NoSmoothing.NAME);
	}

	/** Fails with the known names when {@code name} is not one of them. */
	public static void check(String name) {
		if (!names().contains(name)) {
			throw new IllegalArgumentException("Unknown temporal smoothing '" + name + "'; choose one of " + names());
		}
	}

	/**
	 * Any smoother by name: {@code learned} loads the bundled temporal model on {@code device} (close the
	 * smoother when done), the others are built as by {@link #classic(String)}.
	 */
	public static TrackSmoother open(String name, Device device) throws IOException {
		check(name);
		return name.equals(LearnedSmoother.NAME) ? LearnedSmoother.open(TemporalKind.BUNDLED_NAME, device) : classic(name);
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
