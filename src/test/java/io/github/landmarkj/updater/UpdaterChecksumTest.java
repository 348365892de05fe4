package io.github.landmarkj.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row of shared/data/updater-golden.md, computed there by the real Fiji Updater 1.0.3. */
class UpdaterChecksumTest {

	@Test
	void ij() throws Exception {
		assertRow(jarOf(ij.ImagePlus.class), "jars/ij-1.54p.jar",
				"2e1a09961dfb41cee66ddc821b2577a41a072566ce45a49bae69267099741e20", 2586953,
				"85970f95d8616127ab834e4d95c9a758f2420848", "a57705ecddad748e34e83a68355c7f1b5ed66c4a",
				"a577a87d91ef6e99e08a6f6d7ddf39fc6d818a8e", "a577a87d91ef6e99e08a6f6d7ddf39fc6d818a8e");
	}

	@Test
	void scijavaCommon() throws Exception {
		assertRow(jarOf(org.scijava.Context.class), "jars/scijava-common-2.100.1.jar",
				"af53bb31087dd46bfe15645c8b7cc69fe837795516816c60f5be78b9ff0ce6a3", 952223,
				"b3511aad299389d31ce7674dd8132642c63dbfe9", "2555a8dc24b47c5c4a21dc4b065ef81db4e78fbc",
				"e68994f4f3208a36f4c5ff8e6b56f31f24c31536", "e68994f4f3208a36f4c5ff8e6b56f31f24c31536");
	}

	@Test
	void pytorchEngine() throws Exception {
		assertRow(jarOf(ai.djl.pytorch.engine.PtEngine.class), "jars/pytorch-engine-0.35.1.jar",
				"9f8b38a3820facbbdef09b4e691900da5860bb7d7bf2e068d9be205c471ae02f", 99595,
				"f6b3c116ed795cf1900312e51e8dfa1f41340428", "4cb3564d291ebf980e602c54805305e83d503a8d",
				"318a0f479035c6daf34d45f0dac22baa97e70439", "318a0f479035c6daf34d45f0dac22baa97e70439");
	}

	@Test
	void djlApi() throws Exception {
		assertRow(jarOf(ai.djl.ndarray.NDArray.class), "jars/api-0.35.1.jar",
				"1295c9ba7c5b0e2974a638953ed123154bcc0aca0dbc4106911dc6c9a5d8ccf5", 1000057,
				"d1edc700629361df48cc456b0933f4ead1b90f25", "5892f9aea864c3aa8dac8c8a8879f719d004809b",
				"74753e86f9921ff737ffb427e067902dd044d0db", "74753e86f9921ff737ffb427e067902dd044d0db");
	}

	@Test
	void textFile(@TempDir Path dir) throws Exception {
		Path macro = dir.resolve("demo.ijm");
		Files.write(macro, "print(\"hello\");\n// a macro\n".getBytes(StandardCharsets.US_ASCII));
		assertEquals("3b5bce8a212f896371137f017c6c5abed36c3e97119db267c24c785958d76fd2", sha256(macro));
		assertEquals(27, Files.size(macro));

		assertEquals("6eaca4c62a3c3140d86f8e92cfa21545f7633859", UpdaterChecksum.current("macros/demo.ijm", macro));
		assertEquals(List.of(), UpdaterChecksum.obsolete("macros/demo.ijm", macro));
	}

	@Test
	void textChecksumCoversThePath(@TempDir Path dir) throws Exception {
		Path macro = dir.resolve("demo.ijm");
		Files.write(macro, "print(\"hello\");\n// a macro\n".getBytes(StandardCharsets.US_ASCII));
		assertEquals("6eaca4c62a3c3140d86f8e92cfa21545f7633859", UpdaterChecksum.current("macros/demo.ijm", macro));
		assertNotEquals("6eaca4c62a3c3140d86f8e92cfa21545f7633859", UpdaterChecksum.current("macros/other.ijm", macro));
	}

	private static void assertRow(Path jar, String path, String sha256, long size, String current,
			String obsolete1, String obsolete2, String obsolete3) throws Exception {
		assertEquals(sha256, sha256(jar), () -> jar + " is not the Maven Central artifact the golden table was computed for");
		assertEquals(size, Files.size(jar));

		assertEquals(current, UpdaterChecksum.current(path, jar));
		assertEquals(obsolete1, UpdaterChecksum.obsoletePropertiesAndManifest(jar));
		assertEquals(obsolete2, UpdaterChecksum.obsoletePropertiesOnly(jar));
		assertEquals(obsolete3, UpdaterChecksum.obsoleteRaw(jar));
		assertEquals(List.of(obsolete1, obsolete2, obsolete3), UpdaterChecksum.obsolete(path, jar));
	}

	private static Path jarOf(Class<?> type) throws URISyntaxException {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = Files.newInputStream(file)) {
			digest.update(in.readAllBytes());
		}
		return UpdaterChecksum.hex(digest.digest());
	}
}
