package io.github.landmarkj.engine;

import com.google.gson.JsonObject;
import io.github.landmarkj.net.TemporalConfig;

/**
 * Temporal models ({@code "kind": "temporal"}): the section holds {@code features} (which features the
 * network reads, checked against what this LandmarkJ computes) and {@code architecture}.
 */
public final class TemporalKind extends ModelKind<TemporalConfig> {
	public static final String BUNDLED_NAME = "temporal68";
	public static final TemporalKind INSTANCE = new TemporalKind();
	/** The features this version of LandmarkJ computes (core/TemporalFeatures). */
	public static final String FEATURES = "box-relative points, motion x10, confidence; correction x20 in median box sides; v1";

	private TemporalKind() {
		super("temporal", BUNDLED_NAME);
	}

	@Override
	public TemporalConfig read(JsonSection section) throws ModelFormatException {
		String features = section.string("features");
		if (!FEATURES.equals(features)) {
			throw new ModelFormatException("The temporal model reads features '" + features + "', this LandmarkJ computes '" + FEATURES
					+ "': use a temporal model made for this version");
		}
		JsonSection a = section.section("architecture");
		return new TemporalConfig(a.integer("points"), a.integer("input_width"), a.integer("embedding"), a.integer("hidden"),
				a.integer("layers"), a.bool("bidirectional"));
	}

	@Override
	public JsonObject write(TemporalConfig config) {
		JsonObject o = new JsonObject();
		o.addProperty("features", FEATURES);
		o.add("architecture", config.toJson());
		return o;
	}
}
