package io.github.landmarkj.io;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutputFilesTest {
	@TempDir
	Path dir;

	private long filesIn(Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.count();
		}
	}

	@Test
	void outputsGetThePermissionsOfAnyNewFileNotOwnerOnly() throws Exception {
		Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
		Path plain = Files.createFile(dir.resolve("plain.txt"));
		Path written = dir.resolve("out.csv");
		OutputFiles.writeText(written, false, w -> w.write("a\n"));
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
		OutputFiles.writeText(written, true, w -> w.write("b\n"));
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
	}

	@Test
	void aWriteThatFailsHalfwayLeavesNoFileAndNoTemporaryFile() throws Exception {
		Path target = dir.resolve("a.csv");
		// As a full disk does: some bytes are written, then the write fails.
		IOException full = assertThrows(IOException.class, () -> OutputFiles.writeText(target, false, w -> {
			w.write("image,face\n");
			w.flush();
			throw new IOException("No space left on device");
		}));
		assertEquals("No space left on device", full.getMessage());
		assertFalse(Files.exists(target), "no 0-byte or truncated output under the final name");
		assertEquals(0, filesIn(dir));
	}

	@Test
	void aFailedRewriteKeepsThePreviousFileWhole() throws Exception {
		Path target = dir.resolve("summary.csv");
		OutputFiles.writeText(target, false, w -> w.write("first run\n"));
		assertThrows(IOException.class, () -> OutputFiles.writeText(target, true, w -> {
			w.write("second");
			throw new IOException("killed");
		}));
		assertEquals("first run\n", new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
		assertEquals(1, filesIn(dir));
	}

	@Test
	void withoutOverwriteAnExistingFileIsKept() throws Exception {
		Path target = dir.resolve("a.pts");
		Files.write(target, "mine".getBytes(StandardCharsets.UTF_8));
		assertThrows(FileAlreadyExistsException.class, () -> OutputFiles.writeText(target, false, w -> w.write("new")));
		// Also when the file appears while the content is being written.
		Path late = dir.resolve("late.pts");
		assertThrows(FileAlreadyExistsException.class, () -> OutputFiles.writeText(late, false, w -> {
			Files.write(late, "user".getBytes(StandardCharsets.UTF_8));
			w.write("new");
		}));
		assertEquals("mine", new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
		assertEquals("user", new String(Files.readAllBytes(late), StandardCharsets.UTF_8));
		assertEquals(2, filesIn(dir));
	}

	@Test
	void missingFoldersAreCreated() throws Exception {
		Path target = dir.resolve("x/y/z.json");
		OutputFiles.writeText(target, false, w -> w.write("{}"));
		assertEquals("{}", new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
	}
}
