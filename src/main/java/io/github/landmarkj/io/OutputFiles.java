package io.github.landmarkj.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes output files atomically, so that nothing the user has is replaced unless they asked for it and
 * no half-written file is ever left under an output's name: the content goes to a temporary file in the
 * same folder ({@code .<name>.<random>.landmarkj-part}), is forced to disk, and is then moved onto the
 * final name. A full disk, an exception or a killed process leaves at most such a temporary file, never a
 * truncated output. Outputs get the permissions of any new file of the user (their umask), as a plain write
 * would give them.
 */
public final class OutputFiles {
	/** The ending of temporary files; a folder batch never takes them for input. */
	public static final String TEMPORARY_SUFFIX = ".landmarkj-part";
	private static final SecureRandom RANDOM = new SecureRandom();

	private OutputFiles() {
	}

	/** What writes the bytes of one file. */
	public interface StreamContent {
		void writeTo(OutputStream out) throws IOException;
	}

	/** What writes the text (UTF-8) of one file. */
	public interface TextContent {
		void writeTo(Writer out) throws IOException;
	}

	/**
	 * Writes {@code file} atomically, creating missing parent folders. Without {@code overwrite} an
	 * existing file is kept and a {@link FileAlreadyExistsException} thrown, also when the file appears
	 * while the content is written.
	 */
	public static void write(Path file, boolean overwrite, StreamContent content) throws IOException {
		Path target = file.toAbsolutePath();
		checkWritable(target, overwrite);
		Path folder = target.getParent();
		Files.createDirectories(folder);
		Path temp = null;
		boolean moved = false;
		try {
			OutputStream created = null;
			while (created == null) {
				// Not Files.createTempFile: it makes the file readable by its owner only, and the output would
				// keep that; a plain new file gets the permissions the user's umask gives every new file.
				temp = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + TEMPORARY_SUFFIX);
				try {
					created = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				} catch (FileAlreadyExistsException e) {
					temp = null;
				}
			}
			try (OutputStream out = new BufferedOutputStream(created)) {
				content.writeTo(out);
			}
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			move(temp, target, overwrite);
			moved = true;
		} finally {
			if (!moved && temp != null) {
				Files.deleteIfExists(temp);
			}
		}
	}

	/** Like {@link #write(Path, boolean, StreamContent)} for UTF-8 text. */
	public static void writeText(Path file, boolean overwrite, TextContent content) throws IOException {
		write(file, overwrite, out -> {
			Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			content.writeTo(w);
			w.flush();
		});
	}

	private static void move(Path temp, Path target, boolean overwrite) throws IOException {
		if (!overwrite) {
			try {
				// Without REPLACE_EXISTING the move refuses an existing target.
				Files.move(temp, target);
			} catch (FileAlreadyExistsException e) {
				throw exists(target);
			}
			return;
		}
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Fails when {@code file} exists and may not be replaced; for writers that produce several files. */
	static void checkWritable(Path file, boolean overwrite) throws IOException {
		if (!overwrite && Files.exists(file)) {
			throw exists(file);
		}
		if (Files.isDirectory(file)) {
			throw new IOException("Cannot write " + file + ": it is a folder");
		}
	}

	private static FileAlreadyExistsException exists(Path file) {
		return new FileAlreadyExistsException(file.toString(), null,
				"file exists; choose another name or allow overwriting");
	}
}
