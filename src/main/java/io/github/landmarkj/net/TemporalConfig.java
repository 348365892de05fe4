package io.github.landmarkj.net;

import com.google.gson.JsonObject;

/** The hyper-parameters of {@link TemporalNet}, stored in the temporal model's {@code model.json}. */
public record TemporalConfig(int points, int inputWidth, int embedding, int hidden, int layers, boolean bidirectional) {
	public TemporalConfig {
		if (points < 1 || inputWidth < 1 || embedding < 1 || hidden < 1 || layers < 1) {
			throw new IllegalArgumentException("Temporal network sizes must be positive");
		}
	}

	/** The bundled temporal68 model's shape: 68 points, 5 features each, a bidirectional GRU of 96. */
	public static TemporalConfig defaultFace68() {
		return new TemporalConfig(68, 5 * 68, 128, 96, 1, true);
	}

	public int outputWidth() {
		return 2 * points;
	}

	public JsonObject toJson() {
		JsonObject o = new JsonObject();
		o.addProperty("points", points);
		o.addProperty("input_width", inputWidth);
		o.addProperty("embedding", embedding);
		o.addProperty("hidden", hidden);
		o.addProperty("layers", layers);
		o.addProperty("bidirectional", bidirectional);
		return o;
	}

}
