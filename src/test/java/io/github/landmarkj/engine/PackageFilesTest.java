package io.github.landmarkj.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

class PackageFilesTest {
	/** FIPS 180-2's test vector for "abc". */
	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Test
	void sha256OfBytesAndOfAFileAgreeWithTheStandardVector(@TempDir Path dir) throws IOException {
		byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
		assertEquals(ABC, PackageFiles.sha256(abc));
		Path f = Files.write(dir.resolve("abc"), abc);
		assertEquals(ABC, PackageFiles.sha256(f));
	}

	@Test
	void weightsThatDoNotMatchTheirRecordAreRefusedAndAnEmptyRecordIsNotChecked() throws IOException {
		byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
		PackageFiles.checkWeights("model x", ABC.toUpperCase(), abc);
		PackageFiles.checkWeights("model x", "", abc);
		IOException e = assertThrows(IOException.class, () -> PackageFiles.checkWeights("model x", ABC, new byte[] {1}));
		assertTrue(e.getMessage().contains("model x"), e.getMessage());
	}

	@Test
	void floatsSurviveJson() {
		float[] v = {0.485f, -1e-7f, 3f};
		assertArrayEquals(v, PackageFiles.toFloats(PackageFiles.floats(v)));
	}

	@Test
	void aMissingResourceSaysTheJarLacksIt() {
		IOException e = assertThrows(IOException.class, () -> PackageFiles.resource("/landmarkj/models/no-such/model.json"));
		assertTrue(e.getMessage().contains("no-such"), e.getMessage());
	}
}
