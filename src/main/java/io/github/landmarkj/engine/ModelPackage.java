package io.github.landmarkj.engine;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.landmarkj.io.OutputFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A packaged network of any kind, as its folder's {@code model.json} describes it: who it is
 * ({@link ModelInfo}), its weights file with the SHA-256 that ties it to this file ({@link WeightsRecord}),
 * what its training did (a free-form record), and the kind-specific section (input, architecture,
 * decoding...) read by its {@link ModelKind}. Immutable; {@code with*} return changed copies.
 *
 * <pre>
 * { "format": "landmarkj-model/2", "kind": "landmarks", "name": ..., "version": ..., "licence": ...,
 *   "source": { ... }, "card": "CARD.md", "weights": { "file": ..., "sha256": ... },
 *   "landmarks": { kind-specific }, "training": { ... } }
 * </pre>
 *
 * @param <S> the kind-specific section's value
 * @param spec the kind-specific part (for landmark models a {@link LandmarkSpec})
 * @param training what the training did: data, split, epochs, figures; empty when unknown
 */
public record ModelPackage<S>(ModelKind<S> kind, ModelInfo info, WeightsRecord weights, S spec, JsonObject training) {
	public static final String FILE_NAME = "model.json";
	/** The format this LandmarkJ writes. */
	public static final String FORMAT = "landmarkj-model/2";

	public ModelPackage {
		training = training == null ? new JsonObject() : training.deepCopy();
	}

	public String name() {
		return info.name;
	}

	public String version() {
		return info.version;
	}

	public String licence() {
		return info.licence;
	}

	/** A copy: the package stays immutable. */
	@Override
	public JsonObject training() {
		return training.deepCopy();
	}

	public ModelPackage<S> withInfo(ModelInfo newInfo) {
		return new ModelPackage<>(kind, newInfo, weights, spec, training);
	}

	public ModelPackage<S> withName(String name) {
		return withInfo(info.withName(name));
	}

	public ModelPackage<S> withWeights(WeightsRecord newWeights) {
		return new ModelPackage<>(kind, info, newWeights, spec, training);
	}

	public ModelPackage<S> withSpec(S newSpec) {
		return new ModelPackage<>(kind, info, weights, newSpec, training);
	}

	public ModelPackage<S> withTraining(JsonObject record) {
		return new ModelPackage<>(kind, info, weights, spec, record);
	}

	public JsonObject toJson() {
		JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("kind", kind.id());
		o.addProperty("name", info.name);
		o.addProperty("version", info.version);
		o.addProperty("licence", info.licence);
		JsonObject source = info.source();
		if (source.size() > 0) {
			o.add("source", source);
		}
		if (info.card != null) {
			o.addProperty("card", info.card);
		}
		o.add("weights", weights.toJson());
		o.add(kind.id(), kind.write(spec));
		o.add("training", training());
		return o;
	}

	/** Writes {@value #FILE_NAME} into the folder (created if needed), atomically. */
	public void write(Path folder) throws IOException {
		String json = new GsonBuilder().setPrettyPrinting().create().toJson(toJson()) + "\n";
		OutputFiles.writeText(folder.resolve(FILE_NAME), true, w -> w.write(json));
	}

	/** The package of a model folder, without its weights (see {@link ModelLocator} to load a model). */
	public static <S> ModelPackage<S> read(Path folder, ModelKind<S> kind) throws IOException {
		Path file = folder.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			throw new IOException("Not a LandmarkJ model folder: " + folder + " has no " + FILE_NAME);
		}
		return parse(Files.readAllBytes(file), file.toString(), kind);
	}

	/**
	 * Reads a model.json of format {@value #FORMAT}, or a version-1 file of the kind's {@link ModelKind#legacyFormat()}.
	 * @param file where the bytes come from, for messages
	 */
	public static <S> ModelPackage<S> parse(byte[] json, String file, ModelKind<S> kind) throws ModelFormatException {
		JsonObject o;
		try {
			o = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (JsonParseException | IllegalStateException e) {
			throw new ModelFormatException(file + " is not a JSON object: " + e.getMessage(), e);
		}
		JsonSection root = JsonSection.root(o, file);
		String format = root.string("format");
		try {
			return parse(root, format, file, kind);
		} catch (IllegalArgumentException e) {
			throw new ModelFormatException(file + ": " + e.getMessage(), e);
		}
	}

	private static <S> ModelPackage<S> parse(JsonSection root, String format, String file, ModelKind<S> kind)
			throws ModelFormatException {
		JsonSection section;
		ModelInfo info;
		if (FORMAT.equals(format)) {
			String found = root.string("kind");
			if (!found.equals(kind.id())) {
				throw new ModelFormatException(file + " holds a '" + found + "' model where a '" + kind.id() + "' model is needed");
			}
			section = root.section(kind.id());
			info = new ModelInfo(root.string("name"), root.string("version"), root.string("licence"), root.optionalObject("source"),
					root.string("card", null));
		} else if (format.equals(kind.legacyFormat())) {
			section = root;
			info = new ModelInfo(root.string("name"), root.string("version"), root.string("licence"), null, null);
		} else {
			throw new ModelFormatException(file + " has format '" + format + "', which this LandmarkJ cannot read as a '" + kind.id()
					+ "' model (it reads " + FORMAT + (kind.legacyFormat() == null ? "" : " and " + kind.legacyFormat())
					+ "): update LandmarkJ (Help > Update... in Fiji) or use a model made for this version");
		}
		WeightsRecord weights = WeightsRecord.read(root.section("weights"));
		return new ModelPackage<>(kind, info, weights, kind.read(section), root.optionalObject("training"));
	}

	/** Lowercase hex SHA-256 of a file. */
	public static String sha256(Path file) throws IOException {
		return PackageFiles.sha256(file);
	}
}
