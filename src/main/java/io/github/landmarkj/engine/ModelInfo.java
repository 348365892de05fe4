package io.github.landmarkj.engine;

import com.google.gson.JsonObject;

/**
 * Who a model is: name, version, licence, where it comes from (trained here, or converted from published
 * weights: paper, URL, conversion script) and the file of its model card. Immutable.
 */
public final class ModelInfo {
	public static final String DEFAULT_CARD = "CARD.md";

	public final String name;
	public final String version;
	public final String licence;
	private final JsonObject source;
	/** The model card's file in the folder, or null when there is none. */
	public final String card;

	public ModelInfo(String name, String version, String licence, JsonObject source, String card) {
		this.name = require(name, "name");
		this.version = require(version, "version");
		this.licence = require(licence, "licence");
		this.source = source == null ? new JsonObject() : source.deepCopy();
		this.card = card;
	}

	/** Provenance: free-form keys such as {@code trained_with}, {@code script}, {@code url}, {@code paper}. */
	public JsonObject source() {
		return source.deepCopy();
	}

	public ModelInfo withName(String newName) {
		return new ModelInfo(newName, version, licence, source, card);
	}

	public ModelInfo withVersion(String newVersion) {
		return new ModelInfo(name, newVersion, licence, source, card);
	}

	public ModelInfo withSource(JsonObject newSource) {
		return new ModelInfo(name, version, licence, newSource, card);
	}

	public ModelInfo withCard(String newCard) {
		return new ModelInfo(name, version, licence, source, newCard);
	}

	private static String require(String value, String what) {
		if (value == null || value.trim().isEmpty()) {
			throw new IllegalArgumentException("A model needs a " + what);
		}
		return value;
	}
}
