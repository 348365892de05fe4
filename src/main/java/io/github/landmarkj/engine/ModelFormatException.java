package io.github.landmarkj.engine;

import java.io.IOException;

/**
 * A {@code model.json} that LandmarkJ cannot use: a missing or mistyped key (named with its path, e.g.
 * {@code weights.sha256}), an unknown format version, or a model of another kind than the one asked for.
 * The message says which file and what to do.
 */
public final class ModelFormatException extends IOException {
	private static final long serialVersionUID = 1L;

	public ModelFormatException(String message) {
		super(message);
	}

	public ModelFormatException(String message, Throwable cause) {
		super(message, cause);
	}
}
