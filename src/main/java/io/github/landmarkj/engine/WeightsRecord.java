package io.github.landmarkj.engine;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;

/** The {@code weights} record of a model.json: the weights file and the SHA-256 that ties it to the model. */
public final class WeightsRecord {
	/** The usual weights file name of a model folder. */
	public static final String DEFAULT_FILE = "weights.params";
	private static final String FORMAT = "DJL parameters (Block.saveParameters)";

	public final String file;
	/** Lowercase hex; empty for a model whose weights are still being trained. */
	public final String sha256;

	public WeightsRecord(String file, String sha256) {
		if (file == null || file.isEmpty() || file.contains("/") || file.contains("\\")) {
			throw new IllegalArgumentException("A weights file is a plain file name inside the model folder, got '" + file + "'");
		}
		this.file = file;
		this.sha256 = sha256 == null ? "" : sha256;
	}

	/** The record of weights not written yet ({@value #DEFAULT_FILE}, no checksum). */
	public static WeightsRecord pending() {
		return new WeightsRecord(DEFAULT_FILE, "");
	}

	/** The record of a written weights file, with its checksum. */
	public static WeightsRecord of(Path weights) throws IOException {
		return new WeightsRecord(weights.getFileName().toString(), PackageFiles.sha256(weights));
	}

	/** Fails when the bytes do not have this record's checksum. @param what e.g. "model bundled:face68" */
	public void check(String what, byte[] weights) throws IOException {
		PackageFiles.checkWeights(what, sha256, weights);
	}

	JsonObject toJson() {
		JsonObject w = new JsonObject();
		w.addProperty("file", file);
		w.addProperty("sha256", sha256);
		w.addProperty("format", FORMAT);
		return w;
	}

	static WeightsRecord read(JsonSection w) throws ModelFormatException {
		return new WeightsRecord(w.string("file"), w.string("sha256"));
	}
}
