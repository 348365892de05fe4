package io.github.landmarkj.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativesSiteMainTest {
	private static final String T1 = "20261122001500";
	private static final String T2 = "20261123093000";

	@TempDir
	Path work;
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return NativesSiteMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	/** A stand-in for pytorch-native-cpu: the folder DJL and NativeLibraries look for, and a "library". */
	private Path nativeJar(String classifier, String folderClassifier) throws IOException {
		Path jar = work.resolve("in").resolve("pytorch-native-cpu-2.7.1-" + classifier + ".jar");
		Files.createDirectories(jar.getParent());
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
			zip.putNextEntry(new ZipEntry("pytorch/cpu/" + folderClassifier + "/"));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("pytorch/cpu/" + folderClassifier + "/libtorch"));
			zip.write(classifier.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return jar;
	}

	private String[] threePlatforms(Path site, String timestamp) throws IOException {
		return new String[] { "--output", site.toString(), "--timestamp", timestamp,
				"--native-jar", "linux-x86_64=" + nativeJar("linux-x86_64", "linux-x86_64"),
				"--native-jar", "win-x86_64=" + nativeJar("win-x86_64", "win-x86_64"),
				"--native-jar", "osx-aarch64=" + nativeJar("osx-aarch64", "osx-aarch64") };
	}

	private static String indexXml(Path site) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void eachJarIsInItsPlatformsFolderAndForThatPlatformOnly() throws Exception {
		Path site = work.resolve("site");
		assertEquals(0, run(threePlatforms(site, T1)), err.toString());

		// read back from db.xml.gz on disk: the platforms survive the write and the read
		Map<String, List<String>> platforms = UpdateSiteIndex.read(site.resolve("db.xml.gz")).files().stream()
				.collect(Collectors.toMap(SiteFile::filename, SiteFile::platforms));
		assertEquals(Map.of(
				"jars/linux64/pytorch-native-cpu-2.7.1-linux-x86_64.jar", List.of("linux64"),
				"jars/win64/pytorch-native-cpu-2.7.1-win-x86_64.jar", List.of("win64"),
				"jars/macosx/pytorch-native-cpu-2.7.1-osx-aarch64.jar", List.of("macosx")), platforms);

		// the updater's own element, inside the plugin record of the file it restricts
		String xml = indexXml(site);
		assertTrue(xml.contains("<plugin filename=\"jars/win64/pytorch-native-cpu-2.7.1-win-x86_64.jar\">\n"
				+ "        <platform>win64</platform>\n"), xml);
		for (String stored : List.of("jars/linux64/pytorch-native-cpu-2.7.1-linux-x86_64.jar-" + T1,
				"jars/win64/pytorch-native-cpu-2.7.1-win-x86_64.jar-" + T1,
				"jars/macosx/pytorch-native-cpu-2.7.1-osx-aarch64.jar-" + T1)) {
			assertTrue(Files.isRegularFile(site.resolve(stored)), stored);
		}
		for (SiteFile file : UpdateSiteIndex.read(site.resolve("db.xml.gz")).files()) {
			assertTrue(file.current().orElseThrow().description().orElseThrow().contains("class path"));
			assertEquals(List.of(), file.current().orElseThrow().dependencies());
		}
	}

	@Test
	void secondRunWithTheSameJarsChangesNothing() throws Exception {
		Path site = work.resolve("site");
		assertEquals(0, run(threePlatforms(site, T1)), err.toString());
		String before = indexXml(site);
		assertEquals(0, run(threePlatforms(site, T2)), err.toString());
		assertEquals(before, indexXml(site));
		assertTrue(out.toString().contains("0 new file(s), 3 unchanged"), out.toString());
	}

	@Test
	void platformsOfAnUnchangedFileFollowTheBuild() throws Exception {
		// a site whose record lacks the platform (e.g. written before SiteEntry carried platforms)
		Path site = work.resolve("site");
		Path jar = nativeJar("linux-x86_64", "linux-x86_64");
		String target = "jars/linux64/" + jar.getFileName();
		new UpdateSiteBuilder(site, Long.parseLong(T1))
				.build(List.of(new SiteEntry(target, jar, List.of(), null, List.of("linux64"))));
		SiteFile first = UpdateSiteIndex.read(site.resolve("db.xml.gz")).get(target).orElseThrow();
		String checksum = first.current().orElseThrow().checksum();
		UpdateSiteIndex.write(new UpdateSite(List.of(first.withPlatforms(List.of()))), site.resolve("db.xml.gz"));
		assertEquals(List.of(), UpdateSiteIndex.read(site.resolve("db.xml.gz")).get(target).orElseThrow().platforms());

		BuildResult result = new UpdateSiteBuilder(site, Long.parseLong(T2))
				.build(List.of(new SiteEntry(target, jar, List.of(), null, List.of("linux64"))));
		SiteFile file = result.site().get(target).orElseThrow();
		assertEquals(List.of("linux64"), file.platforms());
		// metadata only: no new version for users to download
		assertEquals(List.of(), result.stored());
		assertEquals(Long.parseLong(T1), file.current().orElseThrow().timestamp());
		assertEquals(checksum, file.current().orElseThrow().checksum());
	}

	@Test
	void aJarWithoutItsPlatformsLibraryIsRefused() throws Exception {
		// named for Windows, but holding the Linux library: NativeLibraries would never find it on Windows
		Path wrong = nativeJar("win-x86_64", "linux-x86_64");
		assertEquals(1, run("--output", work.resolve("site").toString(), "--native-jar", "win-x86_64=" + wrong));
		assertTrue(err.toString().contains("pytorch/cpu/win-x86_64/"), err.toString());
		assertTrue(Files.notExists(work.resolve("site/db.xml.gz")));
	}

	@Test
	void aJarNamedForAnotherClassifierIsRefused() throws Exception {
		Path linux = nativeJar("linux-x86_64", "linux-x86_64");
		assertEquals(1, run("--output", work.resolve("site").toString(), "--native-jar", "osx-aarch64=" + linux));
		assertTrue(err.toString().contains("osx-aarch64"), err.toString());
	}

	@Test
	void badArgumentsPrintUsage() throws Exception {
		assertEquals(2, run("--output", "x"));
		assertEquals(2, run("--output", "x", "--native-jar", "osx-x86_64=a.jar"));
		assertEquals(2, run("--output", "x", "--native-jar", "linux-x86_64"));
		assertEquals(2, run("--native-jar", "linux-x86_64=a.jar"));
		assertTrue(err.toString().contains("usage: NativesSiteMain"), err.toString());
	}

	@Test
	void theRealNativeJarOnTheTestClassPathPasses() throws Exception {
		URL url = getClass().getClassLoader().getResource("pytorch/cpu/linux-x86_64/");
		Assumptions.assumeTrue(url != null, "pytorch-native-cpu for linux-x86_64 is not on the test class path");
		Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
		assertEquals("2.7.1", NativesSiteMain.checkJar("linux-x86_64", jar));
	}
}
