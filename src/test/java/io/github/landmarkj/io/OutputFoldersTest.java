package io.github.landmarkj.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The up-front check of an output folder: each problem named with its path, nothing created. */
class OutputFoldersTest {
	@TempDir
	Path dir;

	@Test
	void aFolderOrOneThatCanBeCreatedPassesAndNothingIsLeftBehind() throws Exception {
		OutputFolders.requireWritable(dir);
		OutputFolders.requireWritable(dir.resolve("new/deeper"));
		assertFalse(Files.exists(dir.resolve("new")), "the check creates nothing");
		try (var files = Files.list(dir)) {
			assertEquals(0, files.count(), "no probe file left");
		}
	}

	@Test
	void aFileInPlaceOfTheFolderOrOnItsPathIsNamed() throws Exception {
		Path file = Files.write(dir.resolve("results"), new byte[] {1});
		NotDirectoryException in = assertThrows(NotDirectoryException.class, () -> OutputFolders.requireWritable(file));
		assertEquals(file.toString(), in.getFile());
		NotDirectoryException below = assertThrows(NotDirectoryException.class, () -> OutputFolders.requireWritable(file.resolve("a/b")));
		assertEquals(file.toString(), below.getFile());
		assertEquals(file + " is a file where a folder is needed: give a folder", UserMessages.describe(below));
		assertEquals(1, Files.size(file), "the file is left alone");
	}

	/** Runs as root too: a file system that takes no new files whoever asks (procfs). */
	@Test
	void aFileSystemThatTakesNoFilesIsFoundAndNamed() {
		assumeTrue(Files.isDirectory(Paths.get("/proc/self")), "Linux /proc");
		Path out = Paths.get("/proc/landmarkj-output");
		FileSystemException e = assertThrows(FileSystemException.class, () -> OutputFolders.requireWritable(out));
		String message = UserMessages.describe(e);
		assertTrue(message.startsWith("Cannot use /proc/landmarkj-output: no file can be written there (it would be created in /proc)"), message);
		assertFalse(Files.exists(out));
	}

	/** sysfs refuses new files even to root: "No permission". */
	@Test
	void aFolderWhereEvenRootMayNotWriteIsFoundAndNamed() {
		assumeTrue(Files.isDirectory(Paths.get("/sys/kernel")), "Linux /sys");
		Path out = Paths.get("/sys/kernel/landmarkj-output");
		AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> OutputFolders.requireWritable(out));
		assertTrue(UserMessages.describe(e).startsWith("No permission to use /sys/kernel/landmarkj-output"), UserMessages.describe(e));
	}

	/** Permissions bind everyone but root: skipped when run as root (as in some CI containers). */
	@Test
	void aFolderWithoutWritePermissionIsFoundAndNamed() throws Exception {
		Path locked = Files.createDirectory(dir.resolve("locked"));
		assumeTrue(Files.getFileStore(locked).supportsFileAttributeView("posix"), "POSIX permissions");
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
		try {
			assumeFalse(Files.isWritable(locked), "running as root: permissions do not apply");
			AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> OutputFolders.requireWritable(locked.resolve("out")));
			assertEquals(locked.resolve("out").toString(), e.getFile());
		} finally {
			Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}
}
