package io.github.landmarkj.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds a model of a kind by name or folder, for every network. A name refers to a model bundled in the
 * LandmarkJ jar (under {@code /landmarkj/models/NAME/}); anything else must be a folder holding
 * {@code model.json}. The weights are read into memory and checked against the SHA-256 in model.json
 * every time, whoever loads them (inference, evaluation, {@code train --init}).
 */
public final class ModelLocator {
	private static final String RESOURCE_ROOT = "/landmarkj/models/";

	private ModelLocator() {
	}

	/** A model package with its checked weights, and where it came from (for logs and the Info command). */
	public static final class LocatedModel<S> {
		public final ModelPackage<S> pkg;
		/** "bundled:NAME" or the folder's absolute path. */
		public final String origin;
		private final byte[] weights;

		LocatedModel(ModelPackage<S> pkg, String origin, byte[] weights) {
			this.pkg = pkg;
			this.origin = origin;
			this.weights = weights;
		}

		/** The weights' bytes, as checked against model.json. */
		public InputStream weights() {
			return new ByteArrayInputStream(weights);
		}
	}

	/** The landmark model bundled under that name or in that folder. */
	public static LocatedModel<LandmarkSpec> locate(String nameOrFolder) throws IOException {
		return locate(nameOrFolder, LandmarkKind.INSTANCE);
	}

	/** @param nameOrFolder a bundled model's name ({@link ModelKind#bundledNames()}) or a model folder */
	public static <S> LocatedModel<S> locate(String nameOrFolder, ModelKind<S> kind) throws IOException {
		String bundled = String.join(", ", kind.bundledNames());
		if (nameOrFolder == null || nameOrFolder.trim().isEmpty()) {
			throw new IOException("No " + kind.id() + " model given: use a bundled model name (" + bundled + ") or a model folder");
		}
		String spec = nameOrFolder.trim();
		if (kind.bundledNames().contains(spec)) {
			String base = RESOURCE_ROOT + spec + "/";
			ModelPackage<S> pkg = ModelPackage.parse(PackageFiles.resource(base + ModelPackage.FILE_NAME),
					"the bundled model " + spec + "'s " + ModelPackage.FILE_NAME, kind);
			return checked(pkg, "bundled:" + spec, PackageFiles.resource(base + pkg.weights().file));
		}
		Path folder = Paths.get(spec);
		if (!Files.isDirectory(folder)) {
			throw new IOException("Unknown model '" + spec + "': not a bundled " + kind.id() + " model (" + bundled
					+ ") and not a folder with " + ModelPackage.FILE_NAME);
		}
		ModelPackage<S> pkg = ModelPackage.read(folder, kind);
		Path weights = folder.resolve(pkg.weights().file);
		if (!Files.isRegularFile(weights)) {
			throw new IOException("Model " + folder + " has no weights file " + pkg.weights().file);
		}
		return checked(pkg, folder.toAbsolutePath().toString(), Files.readAllBytes(weights));
	}

	private static <S> LocatedModel<S> checked(ModelPackage<S> pkg, String origin, byte[] weights) throws IOException {
		if (pkg.weights().sha256.isEmpty()) {
			throw new ModelFormatException("The model.json of " + origin + " records no SHA-256 for " + pkg.weights().file
					+ ": only a finished model can be loaded (write weights.sha256, e.g. with sha256sum, if you trust the file)");
		}
		pkg.weights().check("model " + origin, weights);
		return new LocatedModel<>(pkg, origin, weights);
	}
}
