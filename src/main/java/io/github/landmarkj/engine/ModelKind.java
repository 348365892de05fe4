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
public interface ModelKind<S> {
	/** The {@code kind} value of model.json, also the key of the kind-specific section. */
	String id();

	/** Models of this kind bundled in the jar (under {@code /landmarkj/models/NAME/}), for lookups and messages. */
	List<String> bundledNames();

	/** Reads the kind-specific section; missing keys throw with their path (see {@link JsonSection}). */
	S read(JsonSection section) throws ModelFormatException;

	JsonObject write(S spec);

	/**
	 * The format of version-1 files of this kind, which held the section's keys at the top level of
	 * model.json (e.g. {@code landmarkj-model/1}); null when the kind has no version-1 files.
	 */
	default String legacyFormat() {
		return null;
	}
}
