package io.github.landmarkj.engine;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.landmarkj.net.TemporalConfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * A temporal model's {@code model.json}: the common header of LandmarkJ packages (format, kind, name,
 * version, licence, source, card, weights with their SHA-256) and a {@code temporal} section with the
 * network's shape and the features it reads. Immutable; {@code training} is what the training recorded.
 */
public final class TemporalPackage {
	public static final String FORMAT = "landmarkj-model/2";
	public static final String KIND = "temporal";
	public static final String FILE_NAME = "model.json";
	public static final String BUNDLED = "temporal68";
	private static final String RESOURCE_ROOT = "/landmarkj/models/";
	/** The features this version of LandmarkJ computes (core/TemporalFeatures). */
	public static final String FEATURES = "box-relative points, motion x10, confidence; correction x20 in box sides";

	public final String name;
	public final String version;
	public final TemporalConfig config;
	public final String weightsFile;
	public final String weightsSha256;
	public final JsonObject training;
	public final String licence;

	public TemporalPackage(String name, String version, TemporalConfig config, String weightsFile, String weightsSha256,
			JsonObject training, String licence) {
		this.name = name;
		this.version = version;
		this.config = config;
		this.weightsFile = weightsFile;
		this.weightsSha256 = weightsSha256;
		this.training = training == null ? new JsonObject() : training.deepCopy();
		this.licence = licence;
	}

	/** A located package with its weights, read and checked against the SHA-256. */
	public static final class Located {
		public final TemporalPackage pkg;
		public final String origin;
		private final byte[] weights;

		Located(TemporalPackage pkg, String origin, byte[] weights) {
			this.pkg = pkg;
			this.origin = origin;
			this.weights = weights;
		}

		public InputStream weights() {
			return new ByteArrayInputStream(weights);
		}
	}

	/** The bundled {@value #BUNDLED} or a folder with model.json. */
	public static Located locate(String nameOrFolder) throws IOException {
		String spec = nameOrFolder == null ? "" : nameOrFolder.trim();
		if (spec.isEmpty() || spec.equals(BUNDLED)) {
			String base = RESOURCE_ROOT + BUNDLED + "/";
			TemporalPackage pkg = parse(new String(PackageFiles.resource(base + FILE_NAME), StandardCharsets.UTF_8), "bundled:" + BUNDLED);
			return checked(pkg, "bundled:" + BUNDLED, PackageFiles.resource(base + pkg.weightsFile));
		}
		Path folder = Paths.get(spec);
		if (!Files.isRegularFile(folder.resolve(FILE_NAME))) {
			throw new IOException("Unknown temporal model '" + spec + "': not " + BUNDLED + " and not a folder with " + FILE_NAME);
		}
		TemporalPackage pkg = read(folder);
		Path weights = folder.resolve(pkg.weightsFile);
		if (!Files.isRegularFile(weights)) {
			throw new IOException("Temporal model " + folder + " has no weights file " + pkg.weightsFile);
		}
		return checked(pkg, folder.toAbsolutePath().toString(), Files.readAllBytes(weights));
	}

	private static Located checked(TemporalPackage pkg, String origin, byte[] weights) throws IOException {
		PackageFiles.checkWeights("temporal model " + origin, pkg.weightsSha256, weights);
		return new Located(pkg, origin, weights);
	}

	public static TemporalPackage read(Path folder) throws IOException {
		Path file = folder.resolve(FILE_NAME);
		return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.toString());
	}

	static TemporalPackage parse(String json, String where) throws IOException {
		try {
			JsonObject o = JsonParser.parseString(json).getAsJsonObject();
			if (!FORMAT.equals(o.get("format").getAsString()) || !KIND.equals(o.get("kind").getAsString())) {
				throw new IOException(where + " is not a temporal model (" + FORMAT + ", kind " + KIND + ")");
			}
			JsonObject temporal = o.getAsJsonObject(KIND);
			JsonObject w = o.getAsJsonObject("weights");
			return new TemporalPackage(o.get("name").getAsString(), o.get("version").getAsString(),
					TemporalConfig.fromJson(temporal.getAsJsonObject("architecture")), w.get("file").getAsString(),
					w.get("sha256").getAsString(), o.has("training") ? o.getAsJsonObject("training") : null,
					o.get("licence").getAsString());
		} catch (RuntimeException e) {
			throw new IOException(where + " is not a readable temporal model.json: " + e.getMessage(), e);
		}
	}

	public TemporalPackage withWeights(String file, String sha256) {
		return new TemporalPackage(name, version, config, file, sha256, training, licence);
	}

	public TemporalPackage withTraining(JsonObject record) {
		return new TemporalPackage(name, version, config, weightsFile, weightsSha256, record, licence);
	}

	public JsonObject toJson() {
		JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("kind", KIND);
		o.addProperty("name", name);
		o.addProperty("version", version);
		o.addProperty("licence", licence);
		JsonObject source = new JsonObject();
		source.addProperty("origin", "trained by LandmarkJ (train-temporal verb) on synthetic sequences of the iBUG 300-W training faces");
		source.addProperty("script", "scripts/train-" + name + ".sh");
		o.add("source", source);
		o.addProperty("card", "CARD.md");
		o.add("weights", PackageFiles.weightsRecord(weightsFile, weightsSha256));
		JsonObject temporal = new JsonObject();
		temporal.addProperty("features", FEATURES);
		temporal.add("architecture", config.toJson());
		o.add(KIND, temporal);
		o.add("training", training.deepCopy());
		return o;
	}

	/** Writes model.json atomically. */
	public void write(Path folder) throws IOException {
		Files.createDirectories(folder);
		Path tmp = folder.resolve(FILE_NAME + ".tmp");
		Files.write(tmp, new GsonBuilder().setPrettyPrinting().create().toJson(toJson()).getBytes(StandardCharsets.UTF_8));
		Files.move(tmp, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
