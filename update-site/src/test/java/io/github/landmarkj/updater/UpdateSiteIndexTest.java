package io.github.landmarkj.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.SAXParserFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

class UpdateSiteIndexTest {

	private static UpdateSite sample() {
		CurrentVersion plugin = new CurrentVersion("0123456789abcdef0123456789abcdef01234567", 20261122001500L, 4242,
				"Facial landmarks <68 & 98 points> \"quoted\"",
				List.of(new Dependency("jars/api-0.35.1.jar", 20261122001500L, false),
						new Dependency("jars/old-thing-1.0.jar", 20250101000000L, true)),
				List.of("https://github.com/landmarkj/landmarkj"), List.of("LandmarkJ developers"));
		SiteFile pluginFile = new SiteFile("plugins/landmarkj-0.1.0.jar", false, List.of(), List.of("Analyze"), plugin,
				List.of(new PreviousVersion("plugins/landmarkj-0.0.9.jar", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
						20250101000000L, 20261122001500L)));
		SiteFile api = new SiteFile("jars/api-0.35.1.jar",
				new CurrentVersion("d1edc700629361df48cc456b0933f4ead1b90f25", 20261122001500L, 1000057), List.of());
		SiteFile tool = new SiteFile("lib/linux64/tool", true, List.of("linux64"), List.of(),
				new CurrentVersion("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 20261122001500L, 7), List.of());
		SiteFile gone = new SiteFile("macros/gone.ijm", null,
				List.of(new PreviousVersion(null, "cccccccccccccccccccccccccccccccccccccccc", 20240101000000L, 0)));
		return new UpdateSite(List.of(pluginFile, api, tool, gone));
	}

	@Test
	void xmlRoundTrips() throws Exception {
		UpdateSite site = sample();
		assertEquals(site, UpdateSiteIndex.parseXml(UpdateSiteIndex.toXml(site)));
	}

	@Test
	void xmlIsValidAgainstTheUpdatersDtd() throws Exception {
		String xml = UpdateSiteIndex.toXml(sample());
		SAXParserFactory factory = SAXParserFactory.newInstance();
		factory.setValidating(true);
		DefaultHandler strict = new DefaultHandler() {
			@Override
			public void error(SAXParseException e) throws SAXParseException {
				throw e;
			}
		};
		factory.newSAXParser().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), strict);
		assertTrue(xml.contains("<!DOCTYPE pluginRecords ["));
	}

	@Test
	void writesTheUpdatersElementsAndAttributes() {
		String xml = UpdateSiteIndex.toXml(sample());
		assertTrue(xml.contains("<plugin filename=\"jars/api-0.35.1.jar\">"), xml);
		assertTrue(xml.contains("<version checksum=\"d1edc700629361df48cc456b0933f4ead1b90f25\" timestamp=\"20261122001500\" filesize=\"1000057\">"), xml);
		assertTrue(xml.contains("<dependency filename=\"jars/api-0.35.1.jar\" timestamp=\"20261122001500\"/>"), xml);
		assertTrue(xml.contains("<dependency filename=\"jars/old-thing-1.0.jar\" timestamp=\"20250101000000\" overrides=\"true\"/>"), xml);
		assertTrue(xml.contains("<previous-version timestamp=\"20250101000000\" timestamp-obsolete=\"20261122001500\""
				+ " checksum=\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" filename=\"plugins/landmarkj-0.0.9.jar\"/>"), xml);
		assertTrue(xml.contains("<description>Facial landmarks &lt;68 &amp; 98 points&gt; \"quoted\"</description>"), xml);
		assertTrue(xml.contains("<plugin filename=\"lib/linux64/tool\" executable=\"true\">"), xml);
	}

	/** As the updater's XMLFileWriter (a Xalan serializer) lays it out, attributes in another order. */
	@Test
	void readsAnIndexWrittenByTheUpdater() throws Exception {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>" + IndexXmlWriter.DTD
				+ "<pluginRecords>\n"
				+ "    <plugin filename=\"jars/api-0.35.1.jar\">\n"
				+ "        <version checksum=\"d1edc700629361df48cc456b0933f4ead1b90f25\" filesize=\"1000057\" timestamp=\"20261122001500\">\n"
				+ "            <description>Deep Java Library</description>\n"
				+ "            <dependency filename=\"jars/gson-2.10.1.jar\" timestamp=\"20230101000000\"/>\n"
				+ "            <author>DJL</author>\n"
				+ "        </version>\n"
				+ "        <previous-version checksum=\"5892f9aea864c3aa8dac8c8a8879f719d004809b\" timestamp=\"20250101000000\"/>\n"
				+ "    </plugin>\n"
				+ "</pluginRecords>\n";
		SiteFile api = UpdateSiteIndex.parseXml(xml).get("jars/api.jar").orElseThrow();
		assertEquals("jars/api-0.35.1.jar", api.filename());
		CurrentVersion current = api.current().orElseThrow();
		assertEquals("d1edc700629361df48cc456b0933f4ead1b90f25", current.checksum());
		assertEquals(20261122001500L, current.timestamp());
		assertEquals(1000057, current.filesize());
		assertEquals("Deep Java Library", current.description().orElseThrow());
		assertEquals(List.of(new Dependency("jars/gson-2.10.1.jar", 20230101000000L, false)), current.dependencies());
		assertEquals(List.of("DJL"), current.authors());
		assertEquals(List.of(new PreviousVersion(null, "5892f9aea864c3aa8dac8c8a8879f719d004809b", 20250101000000L, 0)),
				api.previous());
		assertEquals("jars/api-0.35.1.jar-20261122001500", api.storedName().orElseThrow());
	}

	@Test
	void gzipFileRoundTrips(@TempDir Path dir) throws Exception {
		Path index = dir.resolve(UpdateSiteIndex.FILE_NAME);
		UpdateSiteIndex.write(sample(), index);
		try (InputStream in = new GZIPInputStream(Files.newInputStream(index))) {
			String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
		}
		assertEquals(sample(), UpdateSiteIndex.read(index));
		assertEquals(sample(), UpdateSiteIndex.readIfPresent(dir));
	}

	@Test
	void writtenIndexIsReadableByTheWebServer(@TempDir Path dir) throws Exception {
		Path index = dir.resolve(UpdateSiteIndex.FILE_NAME);
		UpdateSiteIndex.write(sample(), index);
		Assumptions.assumeTrue(Files.getFileAttributeView(index, PosixFileAttributeView.class) != null, "not POSIX");
		assertTrue(Files.getPosixFilePermissions(index).contains(PosixFilePermission.OTHERS_READ),
				Files.getPosixFilePermissions(index).toString());
	}

	@Test
	void missingIndexIsAnEmptySite(@TempDir Path dir) throws Exception {
		assertEquals(UpdateSite.empty(), UpdateSiteIndex.readIfPresent(dir));
	}

	@Test
	void uncompressedFileIsRejected(@TempDir Path dir) throws Exception {
		Path index = dir.resolve(UpdateSiteIndex.FILE_NAME);
		Files.writeString(index, UpdateSiteIndex.toXml(sample()));
		UpdateSiteException e = assertThrows(UpdateSiteException.class, () -> UpdateSiteIndex.read(index));
		assertTrue(e.getMessage().contains("gzip"), e.getMessage());
	}

	@Test
	void versionWithoutChecksumIsRejected() {
		String xml = "<pluginRecords><plugin filename=\"jars/a-1.0.jar\"><version timestamp=\"20260101000000\" filesize=\"1\"/></plugin></pluginRecords>";
		UpdateSiteException e = assertThrows(UpdateSiteException.class, () -> UpdateSiteIndex.parseXml(xml));
		assertTrue(e.getMessage().contains("checksum") && e.getMessage().contains("jars/a-1.0.jar"), e.getMessage());
	}

	@Test
	void twoVersionsOfOneFileAreRejected() {
		SiteFile a = new SiteFile("jars/a-1.0.jar", new CurrentVersion("aa", 20260101000000L, 1), List.of());
		SiteFile b = new SiteFile("jars/a-2.0.jar", new CurrentVersion("bb", 20260101000000L, 1), List.of());
		assertThrows(IllegalArgumentException.class, () -> new UpdateSite(List.of(a, b)));
	}
}
