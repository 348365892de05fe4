package io.github.landmarkj.command;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Paths given as String parameters. Commands take paths as text, not File: SciJava opens a file chooser
 * for a lone unset File input, which must never happen in a macro or headless run.
 */
final class PathParameters {
	private PathParameters() {
	}

	/** The path, or null when the text is empty. */
	static Path optional(String text) {
		return text == null || text.trim().isEmpty() ? null : Paths.get(text.trim());
	}

	/** The path; a blank value is an error whose message says which key to give. */
	static Path required(String text, String whatToGive) {
		Path p = optional(text);
		if (p == null) {
			throw new IllegalArgumentException("Give " + whatToGive);
		}
		return p;
	}
}
