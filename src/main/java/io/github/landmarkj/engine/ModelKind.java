package io.github.landmarkj.engine;

import com.google.gson.JsonObject;

import java.util.List;

/**
 * What kind of network a package holds ("landmarks", "face-detector", "temporal", ...) and how the
 * kind-specific section of its {@code model.json} reads and writes. The common part (name, version,
 * licence, source, card, weights with their SHA-256, training record) is {@link ModelPackage}'s; a new
 * network kind implements only this.
 *
 * @param <S> the immutable value the section reads into (input size, normalisation, architecture, decoding...)
 */
public abstract class ModelKind<S> {
	private final String id;
	private final List<String> bundledNames;

	/**
	 * @param id the {@code kind} value of model.json, also the key of the kind-specific section
	 * @param bundledNames models of this kind bundled in the jar (under {@code /landmarkj/models/NAME/})
	 */
	protected ModelKind(String id, String... bundledNames) {
		this.id = id;
		this.bundledNames = List.of(bundledNames);
	}

	/** The {@code kind} value of model.json, also the key of the kind-specific section. */
	public final String id() {
		return id;
	}

	/** Models of this kind bundled in the jar (under {@code /landmarkj/models/NAME/}), for lookups and messages. */
	public final List<String> bundledNames() {
		return bundledNames;
	}

	/** Reads the kind-specific section; missing keys throw with their path (see {@link JsonSection}). */
	public abstract S read(JsonSection section) throws ModelFormatException;

	public abstract JsonObject write(S spec);

	/**
	 * The format of version-1 files of this kind, which held the section's keys at the top level of
	 * model.json (e.g. {@code landmarkj-model/1}); null when the kind has no version-1 files.
	 */
	public String legacyFormat() {
		return null;
	}
}
