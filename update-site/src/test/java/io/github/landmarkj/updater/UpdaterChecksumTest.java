package io.github.landmarkj.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row of the shared golden table (computed by the real Fiji Updater 1.0.3) read from the file
 * itself: the jars are found on this build's test class path by their SHA-256, the text file is written
 * from the bytes the row gives.
 */
class UpdaterChecksumTest {
	/** From this build's folder, {@code update-site/}: the shared data sits beside the repository. */
	static final Path GOLDEN = Path.of("../../shared/data/updater-golden.md");

	/** One row of the table: path given, artifact (or the text file's bytes), file SHA-256, size, current checksum. */
	private static final class Row {
		final String path;
		final String artifact;
		final String sha256;
		final long size;
		final String current;

		Row(String[] cells) {
			path = cells[0];
			artifact = cells[1];
			sha256 = cells[2];
			size = Long.parseLong(cells[3]);
			current = cells[4];
		}
	}

	private static List<Row> rows() throws IOException {
		Assumptions.assumeTrue(Files.isRegularFile(GOLDEN), GOLDEN.toAbsolutePath() + " missing (shared data)");
		List<Row> rows = new ArrayList<>();
		for (String line : Files.readAllLines(GOLDEN, StandardCharsets.UTF_8)) {
			if (!line.startsWith("| ") || line.startsWith("| path given") || line.startsWith("| ---")) {
				continue;
			}
			String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
			for (int i = 0; i < cells.length; i++) {
				cells[i] = cells[i].trim();
			}
			rows.add(new Row(cells));
		}
		return rows;
	}

	@Test
	void everyRowOfTheGoldenTableIsReproduced(@TempDir Path dir) throws Exception {
		Map<String, Path> jarsBySha256 = testClasspathJars();
		List<Row> rows = rows();
		assertEquals(5, rows.size(), "rows of " + GOLDEN);
		int jars = 0;
		for (Row row : rows) {
			Path file;
			if (row.path.endsWith(".jar")) {
				file = jarsBySha256.get(row.sha256);
				assertNotNull(file, row.artifact + " (SHA-256 " + row.sha256 + ") is not on the test class path");
				jars++;
			} else {
				String text = row.artifact.substring(row.artifact.indexOf('`') + 1, row.artifact.lastIndexOf('`')).replace("\\n", "\n");
				file = dir.resolve(Path.of(row.path).getFileName());
				Files.write(file, text.getBytes(StandardCharsets.US_ASCII));
				assertEquals(row.sha256, sha256(file), row.path + ": the bytes the table gives");
			}
			assertEquals(row.size, Files.size(file), row.path);
			assertEquals(row.current, UpdaterChecksum.current(row.path, file), row.path);
		}
		assertEquals(4, jars);
	}

	@Test
	void textChecksumCoversThePath(@TempDir Path dir) throws Exception {
		Path macro = dir.resolve("demo.ijm");
		Files.write(macro, "print(\"hello\");\n// a macro\n".getBytes(StandardCharsets.US_ASCII));
		assertEquals("6eaca4c62a3c3140d86f8e92cfa21545f7633859", UpdaterChecksum.current("macros/demo.ijm", macro));
		assertNotEquals("6eaca4c62a3c3140d86f8e92cfa21545f7633859", UpdaterChecksum.current("macros/other.ijm", macro));
	}

	@Test
	void aJarsChecksumIgnoresItsManifestAndPropertiesComments(@TempDir Path dir) throws Exception {
		Path a = jar(dir.resolve("a.jar"), "Manifest-Version: 1.0\nBuilt-By: alice\n", "#Sun Nov 29 2026\nkey=value\n");
		Path b = jar(dir.resolve("b.jar"), "Manifest-Version: 1.0\nBuilt-By: bob\nMain-Class: x.Y\n", "#Mon Nov 30 2026\nkey=value\n");
		Path c = jar(dir.resolve("c.jar"), "Manifest-Version: 1.0\n", "key=other\n");
		assertEquals(UpdaterChecksum.current("jars/a.jar", a), UpdaterChecksum.current("jars/b.jar", b));
		assertNotEquals(UpdaterChecksum.current("jars/a.jar", a), UpdaterChecksum.current("jars/c.jar", c));
	}

	private static Path jar(Path file, String manifest, String properties) throws IOException {
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/MANIFEST.MF"));
			zip.write(manifest.getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new java.util.zip.ZipEntry("x/build.properties"));
			zip.write(properties.getBytes(StandardCharsets.UTF_8));
		}
		return file;
	}

	private static Map<String, Path> testClasspathJars() throws IOException, NoSuchAlgorithmException {
		Map<String, Path> jars = new HashMap<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path p = Path.of(entry);
			if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
				jars.put(sha256(p), p);
			}
		}
		assertTrue(jars.size() > 4, "test class path: " + jars.values());
		return jars;
	}

	private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return UpdaterChecksum.hex(digest.digest());
	}
}
