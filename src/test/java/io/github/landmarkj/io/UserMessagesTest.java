package io.github.landmarkj.io;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserMessagesTest {
	@Test
	void fileSystemExceptionsSayWhatIsWrongNotJustTheFileName() {
		// Files.createDirectories("outfile") where outfile is a file: the message was "outfile".
		String file = UserMessages.describe(new FileAlreadyExistsException("outfile"));
		assertTrue(file.startsWith("outfile exists and is a file where a folder is needed"), file);
		assertTrue(UserMessages.describe(new AccessDeniedException("/data/out")).startsWith("No permission to use /data/out: choose"));
		assertTrue(UserMessages.describe(new NoSuchFileException("in.png")).startsWith("in.png does not exist"));
		assertTrue(UserMessages.describe(new NotDirectoryException("out")).startsWith("out is a file where a folder is needed"));
		assertTrue(UserMessages.describe(new IOException("No space left on device")).startsWith("The disk is full"));
	}

	@Test
	void exceptionsWithoutAMessageOrWithANumberNameTheProblemAndTheCause() {
		String npe = UserMessages.describe(new NullPointerException());
		assertTrue(npe.startsWith("An unexpected NullPointerException.") && npe.contains("--verbose"), npe);
		String negative = UserMessages.describe(new NegativeArraySizeException("-5"));
		assertTrue(negative.startsWith("An unexpected NegativeArraySizeException (-5)"), negative);
		String caused = UserMessages.describe(new RuntimeException(null, new NoSuchFileException("w.params")));
		assertTrue(caused.contains("caused by: w.params does not exist"), caused);
	}

	@Test
	void outOfMemoryIsNotCalledABadImage() {
		String oom = UserMessages.describe(new OutOfMemoryError("Java heap space"));
		assertTrue(oom.startsWith("Java ran out of memory") && oom.contains("-Xmx"), oom);
	}

	@Test
	void ordinaryMessagesPassThrough() {
		assertEquals("Face box 1 was not used", UserMessages.describe(new IllegalArgumentException("Face box 1 was not used")));
	}
}
