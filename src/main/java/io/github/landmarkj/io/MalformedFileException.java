package io.github.landmarkj.io;

import java.io.IOException;
import java.nio.file.Path;

/** A data file that could be opened but whose content is not in the expected format. */
public final class MalformedFileException extends IOException {
	private static final long serialVersionUID = 1L;

	private final transient Path file;
	private final int line;

	/** @param line 1-based line of the problem, or 0 when it concerns the file as a whole */
	public MalformedFileException(Path file, int line, String problem) {
		super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
		this.file = file;
		this.line = line;
	}

	public MalformedFileException(Path file, int line, String problem, Throwable cause) {
		this(file, line, problem);
		initCause(cause);
	}

	public Path file() {
		return file;
	}

	/** 1-based line number, 0 when not tied to a line. */
	public int line() {
		return line;
	}
}
