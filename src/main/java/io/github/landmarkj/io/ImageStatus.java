package io.github.landmarkj.io;

import java.util.Locale;

/** What became of one image of a folder batch, as written in the {@code status} column of {@code summary.csv}. */
public enum ImageStatus {
	/** Analysed; its outputs are written (possibly with no face). */
	OK,
	/** Not analysed again: a finished result of an earlier run is there and overwriting was not asked for. */
	SKIPPED_EXISTING,
	/** Could not be read, analysed or written; {@code errors.csv} says why. */
	ERROR;

	/** The word in the reports: {@code ok}, {@code skipped-existing}, {@code error}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The status named by {@link #label()}. */
	public static ImageStatus parse(String label) {
		for (ImageStatus s : values()) {
			if (s.label().equals(label)) {
				return s;
			}
		}
		throw new IllegalArgumentException("Unknown image status '" + label + "'");
	}
}
