package io.github.landmarkj.engine;

import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Finds a model by name or folder. A name refers to a model bundled in the LandmarkJ jar (under
 * {@code /landmarkj/models/NAME/}); anything else must be a folder holding {@code model.json}. The
 * weights are read into memory and checked against the SHA-256 in model.json.
 */
public final class ModelLocator {
	/** Models shipped inside the jar. */
	public static final List<String> BUNDLED = Collections.unmodifiableList(Arrays.asList("face68"));
	private static final String RESOURCE_ROOT = "/landmarkj/models/";

	private ModelLocator() {
	}

	/** A model package with its weights, and where it came from (for logs and the Info command). */
	public static final class LocatedModel {
		public final ModelPackage pkg;
		public final String origin;
		private final byte[] weights;

		LocatedModel(ModelPackage pkg, String origin, byte[] weights) {
			this.pkg = pkg;
			this.origin = origin;
			this.weights = weights;
		}

		public InputStream weights() {
			return new java.io.ByteArrayInputStream(weights);
		}
	}

	public static LocatedModel locate(String nameOrFolder) throws IOException {
		if (nameOrFolder == null || nameOrFolder.trim().isEmpty()) {
			throw new IOException("No model given: use a bundled model name (" + String.join(", ", BUNDLED) + ") or a model folder");
		}
		String spec = nameOrFolder.trim();
		if (BUNDLED.contains(spec)) {
			return fromResources(spec);
		}
		Path folder = Paths.get(spec);
		if (Files.isDirectory(folder)) {
			ModelPackage pkg = ModelPackage.read(folder);
			Path weights = folder.resolve(pkg.weightsFile);
			if (!Files.isRegularFile(weights)) {
				throw new IOException("Model " + folder + " has no weights file " + pkg.weightsFile);
			}
			return checked(pkg, folder.toAbsolutePath().toString(), Files.readAllBytes(weights));
		}
		throw new IOException("Unknown model '" + spec + "': not a bundled model (" + String.join(", ", BUNDLED)
				+ ") and not a folder with model.json");
	}

	private static LocatedModel fromResources(String name) throws IOException {
		String base = RESOURCE_ROOT + name + "/";
		byte[] json = PackageFiles.resource(base + ModelPackage.FILE_NAME);
		ModelPackage pkg;
		try {
			pkg = ModelPackage.fromJson(JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject());
		} catch (RuntimeException e) {
			throw new IOException("The bundled model " + name + " has a broken model.json: " + e.getMessage(), e);
		}
		return checked(pkg, "bundled:" + name, PackageFiles.resource(base + pkg.weightsFile));
	}


	private static LocatedModel checked(ModelPackage pkg, String origin, byte[] weights) throws IOException {
		PackageFiles.checkWeights("model " + origin, pkg.weightsSha256, weights);
		return new LocatedModel(pkg, origin, weights);
	}

}
