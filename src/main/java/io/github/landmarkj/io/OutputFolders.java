package io.github.landmarkj.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The check every command that writes a folder of outputs makes before any work (loading a model, hours
 * of training or a batch): the folder is, or can be created as, a folder this process can write files in.
 */
public final class OutputFolders {
	private OutputFolders() {
	}

	/**
	 * Fails, naming the path, when {@code folder} cannot take outputs: a file in its place or on its path
	 * ({@link NotDirectoryException} naming that file), no permission ({@link AccessDeniedException}), a
	 * read-only disk or a file system that takes no files ({@link FileSystemException} with the system's
	 * reason). Creates nothing: a probe file is made and deleted in the folder, or in the nearest existing
	 * folder above it when the folder is still to be created.
	 */
	public static void requireWritable(Path folder) throws IOException {
		Path target = folder.toAbsolutePath().normalize();
		Path existing = target;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			throw new NoSuchFileException(target.toString(), null, "no folder on its path exists");
		}
		if (!Files.isDirectory(existing)) {
			throw new NotDirectoryException(existing.toString());
		}
		String where = existing.equals(target) ? "" : " (it would be created in " + existing + ")";
		Path probe;
		try {
			probe = Files.createTempFile(existing, ".landmarkj-write-test", OutputFiles.TEMPORARY_SUFFIX);
		} catch (AccessDeniedException e) {
			throw new AccessDeniedException(target.toString(), null, "cannot write to the output folder" + where);
		} catch (IOException e) {
			String reason = e instanceof FileSystemException && ((FileSystemException) e).getReason() != null
					? ((FileSystemException) e).getReason() : e instanceof NoSuchFileException ? "the file system takes no new files" : e.getMessage();
			throw new FileSystemException(target.toString(), null, "no file can be written there" + where + ": " + reason);
		}
		Files.delete(probe);
	}
}
