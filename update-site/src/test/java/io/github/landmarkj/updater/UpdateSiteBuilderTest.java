package io.github.landmarkj.updater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateSiteBuilderTest {
	private static final long T1 = 20261122001500L;
	private static final long T2 = 20261123093000L;
	private static final long T3 = 20261124120000L;

	@TempDir
	Path work;
	private Path site;
	private Path in;

	@BeforeEach
	void folders() throws IOException {
		site = work.resolve("site");
		in = Files.createDirectories(work.resolve("in"));
	}

	private Path jar(String name, long entryTime, String... entries) throws IOException {
		Path jar = in.resolve(name);
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (int i = 0; i < entries.length; i += 2) {
				JarEntry entry = new JarEntry(entries[i]);
				entry.setTime(entryTime);
				out.putNextEntry(entry);
				out.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return jar;
	}

	private Path text(String name, String content) throws IOException {
		Path file = in.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
		return file;
	}

	private List<SiteEntry> entries() throws IOException {
		Path plugin = jar("landmarkj-0.1.0.jar", 1_000_000_000_000L, "io/Plugin.class", "plugin v1",
				"META-INF/maven/x/pom.properties", "#Built Sun Nov 22\nversion=0.1.0\n");
		Path api = jar("api-0.35.1.jar", 1_000_000_000_000L, "ai/djl/Api.class", "api");
		Path model = text("face68/model.json", "{\"points\":68}\n");
		return List.of(
				new SiteEntry("plugins/landmarkj-0.1.0.jar", plugin,
						List.of("jars/api-0.35.1.jar", "models/landmarkj/face68/model.json"), "LandmarkJ"),
				new SiteEntry("jars/api-0.35.1.jar", api, List.of()),
				new SiteEntry("models/landmarkj/face68/model.json", model, List.of()));
	}

	private static List<String> listing(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
					.collect(Collectors.toList());
		}
	}

	@Test
	void freshSiteListsEveryFileWithChecksumSizeAndTimestamp() throws Exception {
		List<SiteEntry> entries = entries();
		BuildResult result = new UpdateSiteBuilder(site, T1).build(entries);

		UpdateSite written = UpdateSiteIndex.read(site.resolve("db.xml.gz"));
		assertEquals(result.site(), written);
		assertEquals(3, written.files().size());
		for (SiteEntry entry : entries) {
			SiteFile file = written.get(entry.key()).orElseThrow();
			CurrentVersion version = file.current().orElseThrow();
			assertEquals(entry.target(), file.filename());
			assertEquals(UpdaterChecksum.current(entry.target(), entry.source()), version.checksum());
			assertEquals(Files.size(entry.source()), version.filesize());
			assertEquals(T1, version.timestamp());
			Path stored = site.resolve(file.storedName().orElseThrow());
			assertTrue(Files.isRegularFile(stored), stored + " missing");
			assertArrayEquals(Files.readAllBytes(entry.source()), Files.readAllBytes(stored));
			assertTrue(file.previous().isEmpty());
		}
		assertEquals(List.of("db.xml.gz", "jars/api-0.35.1.jar-" + T1, "models/landmarkj/face68/model.json-" + T1,
				"plugins/landmarkj-0.1.0.jar-" + T1), listing(site));
		assertEquals(List.of(new Dependency("jars/api-0.35.1.jar", T1, false),
				new Dependency("models/landmarkj/face68/model.json", T1, false)),
				written.get("plugins/landmarkj.jar").orElseThrow().current().orElseThrow().dependencies());
		assertEquals("LandmarkJ", written.get("plugins/landmarkj.jar").orElseThrow().current().orElseThrow()
				.description().orElseThrow());
		assertEquals(3, result.stored().size());
	}

	@Test
	void rebuildingUnchangedFilesAddsNoVersion() throws Exception {
		new UpdateSiteBuilder(site, T1).build(entries());
		byte[] index = Files.readAllBytes(site.resolve("db.xml.gz"));
		List<String> before = listing(site);

		BuildResult again = new UpdateSiteBuilder(site, T2).build(entries());

		assertEquals(List.of(), again.stored());
		assertEquals(3, again.unchanged().size());
		assertEquals(before, listing(site));
		assertArrayEquals(index, Files.readAllBytes(site.resolve("db.xml.gz")));
		for (SiteFile file : again.site().files()) {
			assertEquals(T1, file.current().orElseThrow().timestamp());
			assertTrue(file.previous().isEmpty());
		}
	}

	@Test
	void rebuiltJarWithOtherEntryTimesAndBuildDateIsUnchanged() throws Exception {
		new UpdateSiteBuilder(site, T1).build(entries());
		List<SiteEntry> entries = entries();
		// same classes, but a later build: other entry times, another date in pom.properties' comment
		Path plugin = jar("landmarkj-0.1.0.jar", 1_600_000_000_000L, "io/Plugin.class", "plugin v1",
				"META-INF/maven/x/pom.properties", "#Built Mon Nov 23\nversion=0.1.0\n");
		Files.setLastModifiedTime(plugin, FileTime.fromMillis(1_600_000_000_000L));

		BuildResult again = new UpdateSiteBuilder(site, T2).build(entries);
		assertTrue(again.unchanged().contains("plugins/landmarkj.jar"), again.unchanged().toString());
		assertEquals(List.of(), again.stored());
	}

	@Test
	void changedFileGetsNewVersionAndPreviousVersion() throws Exception {
		BuildResult first = new UpdateSiteBuilder(site, T1).build(entries());
		String oldChecksum = first.site().get("jars/api.jar").orElseThrow().current().orElseThrow().checksum();

		List<SiteEntry> entries = entries();
		jar("api-0.35.1.jar", 1_000_000_000_000L, "ai/djl/Api.class", "api, fixed");
		BuildResult second = new UpdateSiteBuilder(site, T2).build(entries);

		assertEquals(List.of("jars/api-0.35.1.jar-" + T2), second.stored());
		SiteFile api = UpdateSiteIndex.read(site.resolve("db.xml.gz")).get("jars/api.jar").orElseThrow();
		CurrentVersion current = api.current().orElseThrow();
		assertEquals(T2, current.timestamp());
		assertEquals(UpdaterChecksum.current("jars/api-0.35.1.jar", entries.get(1).source()), current.checksum());
		assertFalse(current.checksum().equals(oldChecksum));
		assertEquals(List.of(new PreviousVersion("jars/api-0.35.1.jar", oldChecksum, T1, T2)), api.previous());
		assertTrue(Files.exists(site.resolve("jars/api-0.35.1.jar-" + T1)), "old version must stay downloadable");
		assertTrue(Files.exists(site.resolve("jars/api-0.35.1.jar-" + T2)));
		// the plugin did not change, but now depends on the new api version's date
		SiteFile plugin = second.site().get("plugins/landmarkj.jar").orElseThrow();
		assertEquals(T1, plugin.current().orElseThrow().timestamp());
		assertEquals(new Dependency("jars/api-0.35.1.jar", T1, false),
				plugin.current().orElseThrow().dependencies().get(0));
	}

	@Test
	void newVersionNumberReplacesTheOldFile() throws Exception {
		new UpdateSiteBuilder(site, T1).build(entries());
		Path newer = jar("api-0.36.0.jar", 1_000_000_000_000L, "ai/djl/Api.class", "api 0.36");
		List<SiteEntry> entries = List.of(
				new SiteEntry("plugins/landmarkj-0.1.0.jar", entries().get(0).source(), List.of("jars/api-0.36.0.jar")),
				new SiteEntry("jars/api-0.36.0.jar", newer, List.of()),
				entries().get(2));
		BuildResult result = new UpdateSiteBuilder(site, T2).build(entries);

		SiteFile api = result.site().get("jars/api.jar").orElseThrow();
		assertEquals("jars/api-0.36.0.jar", api.filename());
		assertEquals("jars/api-0.35.1.jar", api.previous().get(0).filename().orElseThrow());
		assertEquals(new Dependency("jars/api-0.36.0.jar", T2, false),
				result.site().get("plugins/landmarkj.jar").orElseThrow().current().orElseThrow().dependencies().get(0));
		assertTrue(Files.exists(site.resolve("jars/api-0.36.0.jar-" + T2)));
	}

	@Test
	void fileDroppedFromTheBuildIsRetired() throws Exception {
		new UpdateSiteBuilder(site, T1).build(entries());
		List<SiteEntry> withoutModel = List.of(
				new SiteEntry("plugins/landmarkj-0.1.0.jar", entries().get(0).source(), List.of("jars/api-0.35.1.jar")),
				entries().get(1));
		BuildResult result = new UpdateSiteBuilder(site, T2).build(withoutModel);

		assertEquals(List.of("models/landmarkj/face68/model.json"), result.removed());
		SiteFile model = UpdateSiteIndex.read(site.resolve("db.xml.gz")).get("models/landmarkj/face68/model.json")
				.orElseThrow();
		assertTrue(model.current().isEmpty());
		assertEquals(T1, model.previous().get(0).timestamp());
		assertEquals(T2, model.previous().get(0).timestampObsolete());
	}

	@Test
	void missingStoredFileOfAnUnchangedVersionIsRestored() throws Exception {
		new UpdateSiteBuilder(site, T1).build(entries());
		Files.delete(site.resolve("jars/api-0.35.1.jar-" + T1));
		BuildResult again = new UpdateSiteBuilder(site, T2).build(entries());
		assertTrue(Files.exists(site.resolve("jars/api-0.35.1.jar-" + T1)));
		assertTrue(again.unchanged().contains("jars/api.jar"));
	}

	@Test
	void newVersionMustBeLaterThanThePublishedOne() throws Exception {
		new UpdateSiteBuilder(site, T2).build(entries());
		List<SiteEntry> entries = entries();
		jar("api-0.35.1.jar", 1_000_000_000_000L, "ai/djl/Api.class", "changed");
		UpdateSiteException e = assertThrows(UpdateSiteException.class, () -> new UpdateSiteBuilder(site, T1).build(entries));
		assertTrue(e.getMessage().contains("jars/api-0.35.1.jar"), e.getMessage());
	}

	@Test
	void dependencyMustBeOnTheSite() throws Exception {
		Path plugin = jar("p-1.0.jar", 0, "A.class", "a");
		UpdateSiteException e = assertThrows(UpdateSiteException.class, () -> new UpdateSiteBuilder(site, T1)
				.build(List.of(new SiteEntry("plugins/p-1.0.jar", plugin, List.of("jars/ij-1.54p.jar")))));
		assertTrue(e.getMessage().contains("jars/ij-1.54p.jar"), e.getMessage());
	}

	@Test
	void twoVersionsOfOneFileAreRejected() throws Exception {
		Path a = jar("a-1.0.jar", 0, "A.class", "a");
		Path b = jar("a-2.0.jar", 0, "A.class", "b");
		assertThrows(UpdateSiteException.class, () -> new UpdateSiteBuilder(site, T1).build(List.of(
				new SiteEntry("jars/a-1.0.jar", a, List.of()), new SiteEntry("jars/a-2.0.jar", b, List.of()))));
	}

	@Test
	void timestampMustBeADate() {
		assertThrows(IllegalArgumentException.class, () -> new UpdateSiteBuilder(site, 20261340000000L));
		assertThrows(IllegalArgumentException.class, () -> new UpdateSiteBuilder(site, 2026112200150L));
		assertEquals(T3, UpdaterTimestamp.parse(Long.toString(T3)));
	}
}
