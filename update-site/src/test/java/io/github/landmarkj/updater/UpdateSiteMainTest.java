package io.github.landmarkj.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateSiteMainTest {
	private static final String T1 = "20261122001500";

	@TempDir
	Path work;
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return UpdateSiteMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private static Path jarOf(Class<?> type) throws Exception {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	// pytorch-jni holds no classes, only the JNI libraries
	private static Path jarHolding(String resource) throws Exception {
		URL url = UpdateSiteMainTest.class.getClassLoader().getResource(resource);
		return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
	}

	private Path smallJar(String name) throws IOException {
		Path jar = work.resolve("in").resolve(name);
		Files.createDirectories(jar.getParent());
		try (JarOutputStream stream = new JarOutputStream(Files.newOutputStream(jar))) {
			stream.putNextEntry(new JarEntry("x/Y.class"));
			stream.write(name.getBytes(StandardCharsets.UTF_8));
			stream.closeEntry();
		}
		return jar;
	}

	private Path models() throws IOException {
		Path models = work.resolve("models");
		Files.createDirectories(models.resolve("face68"));
		Files.writeString(models.resolve("face68/model.json"), "{\"points\":68}\n");
		Files.write(models.resolve("face68/model.pt"), new byte[] { 1, 2, 3 });
		Files.writeString(models.resolve("face68/.DS_Store"), "junk");
		return models;
	}

	@Test
	void buildsTheSiteWithOnlyWhatFijiLacks() throws Exception {
		Path site = work.resolve("site");
		Path plugin = smallJar("landmarkj-0.1.0.jar");
		String classpath = String.join(java.io.File.pathSeparator, jarOf(ij.ImagePlus.class).toString(),
				jarOf(org.scijava.Context.class).toString(), jarOf(com.google.gson.Gson.class).toString(),
				work.resolve("target/classes").toString(), plugin.toString());
		int status = run("--output", site.toString(), "--plugin", plugin.toString(), "--models", models().toString(),
				"--timestamp", T1, "--classpath", classpath, "--jars", jarOf(ai.djl.ndarray.NDArray.class).toString(),
				jarOf(ai.djl.pytorch.engine.PtEngine.class).toString(), jarHolding("jnilib/pytorch.properties").toString(),
				smallJar("pytorch-native-cpu-2.7.1-linux-x86_64.jar").toString());
		assertEquals(0, status, err.toString(StandardCharsets.UTF_8));

		UpdateSite written = UpdateSiteIndex.read(site.resolve("db.xml.gz"));
		assertEquals(List.of("jars/api-0.35.1.jar", "jars/pytorch-engine-0.35.1.jar", "jars/pytorch-jni-2.7.1-0.35.1.jar",
				"models/landmarkj/face68/model.json", "models/landmarkj/face68/model.pt", "plugins/landmarkj-0.1.0.jar"),
				written.files().stream().map(SiteFile::filename).sorted().collect(Collectors.toList()));
		for (SiteFile file : written.files()) {
			assertTrue(Files.isRegularFile(site.resolve(file.storedName().orElseThrow())), file.filename());
		}
		// the golden checksum of DJL's api, now as the site records it
		assertEquals("d1edc700629361df48cc456b0933f4ead1b90f25",
				written.get("jars/api.jar").orElseThrow().current().orElseThrow().checksum());
		assertEquals(List.of("jars/api-0.35.1.jar", "jars/pytorch-jni-2.7.1-0.35.1.jar"),
				dependencies(written, "jars/pytorch-engine.jar"));
		assertEquals(List.of("jars/api-0.35.1.jar", "jars/pytorch-engine-0.35.1.jar", "jars/pytorch-jni-2.7.1-0.35.1.jar",
				"models/landmarkj/face68/model.json", "models/landmarkj/face68/model.pt"),
				dependencies(written, "plugins/landmarkj.jar"));
		String log = out.toString(StandardCharsets.UTF_8);
		assertTrue(log.contains("SHIPPED_BY_FIJI") && log.contains("NATIVE_LIBRARY"), log);
	}

	@Test
	void secondRunWithTheSameFilesChangesNothing() throws Exception {
		Path site = work.resolve("site");
		Path plugin = smallJar("landmarkj-0.1.0.jar");
		String api = jarOf(ai.djl.ndarray.NDArray.class).toString();
		assertEquals(0, run("--output", site.toString(), "--plugin", plugin.toString(), "--timestamp", T1, "--jars", api));
		byte[] index = Files.readAllBytes(site.resolve("db.xml.gz"));
		assertEquals(0, run("--output", site.toString(), "--plugin", plugin.toString(), "--jars", api));
		assertTrue(java.util.Arrays.equals(index, Files.readAllBytes(site.resolve("db.xml.gz"))));
	}

	@Test
	void engineWithoutJniIsRefused() throws Exception {
		int status = run("--output", work.resolve("site").toString(), "--plugin", smallJar("landmarkj-0.1.0.jar").toString(),
				"--timestamp", T1, "--jars", jarOf(ai.djl.ndarray.NDArray.class).toString(),
				jarOf(ai.djl.pytorch.engine.PtEngine.class).toString());
		assertEquals(1, status);
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("pytorch-jni"), err.toString(StandardCharsets.UTF_8));
		assertFalse(Files.exists(work.resolve("site/db.xml.gz")));
	}

	@Test
	void badArgumentsPrintUsage() {
		assertEquals(2, run("--plugin", "x.jar"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--output"));
		assertEquals(2, run("--output", "site", "--plugin", "x.jar", "--timestamp", "yesterday"));
		assertEquals(2, run("--output", "site", "--plugin", "x.jar", "--frobnicate"));
	}

	private static List<String> dependencies(UpdateSite site, String key) {
		return site.get(key).orElseThrow().current().orElseThrow().dependencies().stream().map(Dependency::filename)
				.sorted().collect(Collectors.toList());
	}
}
