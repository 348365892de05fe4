package io.github.landmarkj.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.landmarkj.core.InputNormalisation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What every packaged network (landmark model, face detector) needs to be stored and found: its files
 * inside the jar, the SHA-256 that ties the weights to their model.json, and float arrays in JSON.
 */
public final class PackageFiles {
	private PackageFiles() {
	}

	/** A resource of the LandmarkJ jar, whole. */
	public static byte[] resource(String path) throws IOException {
		try (InputStream in = PackageFiles.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IOException("The LandmarkJ jar lacks " + path + ": it was built without its models");
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			return out.toByteArray();
		}
	}

	/**
	 * Fails when the weights do not have the checksum their model.json records (an empty record is not
	 * checked: a model being trained has none yet).
	 * @param what e.g. "model bundled:face68", for the message
	 */
	public static void checkWeights(String what, String expectedSha256, byte[] weights) throws IOException {
		String sha = sha256(weights);
		if (!expectedSha256.isEmpty() && !expectedSha256.equalsIgnoreCase(sha)) {
			throw new IOException("The weights of " + what + " do not match model.json (SHA-256 " + sha + ", expected "
					+ expectedSha256 + "): the file is damaged or belongs to another model");
		}
	}

	/** Lowercase hex SHA-256. */
	public static String sha256(byte[] data) {
		return hex(digest().digest(data));
	}

	/** Lowercase hex SHA-256 of a file, read in pieces. */
	public static String sha256(Path file) throws IOException {
		MessageDigest d = digest();
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			for (int n; (n = in.read(buffer)) >= 0;) {
				d.update(buffer, 0, n);
			}
		}
		return hex(d.digest());
	}

	/** The {@code weights} record of a model.json: file, its SHA-256 and how it was written. */
	public static JsonObject weightsRecord(String file, String sha256) {
		return new WeightsRecord(file, sha256).toJson();
	}

	/** The {@code normalisation} record of a model's input. */
	public static JsonObject normalisation(InputNormalisation n) {
		JsonObject norm = new JsonObject();
		norm.add("mean", floats(n.mean()));
		norm.add("std", floats(n.std()));
		norm.addProperty("formula", "(value / 255 - mean) / std, RGB; grey images replicated to 3 channels");
		return norm;
	}

	/** Reads a {@code normalisation} record. */
	public static InputNormalisation normalisation(JsonSection norm) throws ModelFormatException {
		return new InputNormalisation(norm.floats("mean"), norm.floats("std"));
	}

	public static JsonArray floats(float[] v) {
		JsonArray a = new JsonArray();
		for (float f : v) {
			a.add(f);
		}
		return a;
	}

	public static float[] toFloats(JsonArray a) {
		float[] v = new float[a.size()];
		for (int i = 0; i < v.length; i++) {
			v[i] = a.get(i).getAsFloat();
		}
		return v;
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
		}
	}

	private static String hex(byte[] bytes) {
		StringBuilder sb = new StringBuilder(2 * bytes.length);
		for (byte b : bytes) {
			sb.append(String.format("%02x", b));
		}
		return sb.toString();
	}
}
