package io.github.landmarkj.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens output files so that nothing the user has is replaced unless they asked for it. */
final class OutputFiles {
	private OutputFiles() {
	}

	/**
	 * Opens {@code file} for writing, creating missing parent folders. Without {@code overwrite} the file
	 * is created atomically (CREATE_NEW), so a file appearing between a check and the write is not lost.
	 */
	static OutputStream openStream(Path file, boolean overwrite) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		OpenOption[] options = overwrite
				? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE}
				: new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
		try {
			return Files.newOutputStream(file, options);
		} catch (FileAlreadyExistsException e) {
			throw exists(file);
		}
	}

	static BufferedWriter openWriter(Path file, boolean overwrite) throws IOException {
		return new BufferedWriter(new OutputStreamWriter(openStream(file, overwrite), StandardCharsets.UTF_8));
	}

	/** Fails when {@code file} exists and may not be replaced; for writers that produce several files. */
	static void checkWritable(Path file, boolean overwrite) throws IOException {
		if (!overwrite && Files.exists(file)) {
			throw exists(file);
		}
	}

	private static FileAlreadyExistsException exists(Path file) {
		return new FileAlreadyExistsException(file.toString(), null,
				"file exists; choose another name or allow overwriting");
	}
}
