package io.github.landmarkj.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A site built from the real plugin jar and its runtime class path, as the plugin's {@code mvn verify}
 * passes them ({@code -Dlandmarkj.pluginJar}, {@code -Dlandmarkj.runtimeClasspath}); skipped when this
 * build runs on its own without them.
 */
class PluginJarSiteTest {
	@Test
	void updateSiteFromTheBuiltJarsListsEveryStoredFileWithItsChecksumAndIsStableOnRebuild(@TempDir Path site) throws Exception {
		String plugin = System.getProperty("landmarkj.pluginJar", "");
		String classpath = System.getProperty("landmarkj.runtimeClasspath", "");
		Assumptions.assumeTrue(!plugin.isEmpty() && !classpath.isEmpty(), "no -Dlandmarkj.pluginJar and -Dlandmarkj.runtimeClasspath");
		assertTrue(Files.isRegularFile(Path.of(plugin)), "plugin jar " + plugin + " was not built");
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
		String[] args = {"--output", site.toString(), "--plugin", plugin, "--classpath", classpath, "--timestamp", "20261122010000"};
		assertEquals(0, UpdateSiteMain.run(args, out, out), log.toString(StandardCharsets.UTF_8));
		UpdateSite index = UpdateSiteIndex.read(site.resolve(UpdateSiteIndex.FILE_NAME));
		List<String> names = new ArrayList<>();
		for (SiteFile f : index.files()) {
			names.add(f.filename());
			Path stored = site.resolve(f.storedName().orElseThrow());
			assertTrue(Files.isRegularFile(stored), "stored file " + stored);
			assertEquals(Files.size(stored), f.current().get().filesize(), f.filename());
			assertEquals(UpdaterChecksum.current(f.filename(), stored), f.current().get().checksum(), f.filename());
			assertEquals(20261122010000L, f.current().get().timestamp());
		}
		assertTrue(names.stream().anyMatch(n -> n.startsWith("plugins/landmarkj")), names.toString());
		assertTrue(names.stream().anyMatch(n -> n.startsWith("jars/api-0.35.1")), names.toString());
		assertTrue(names.stream().anyMatch(n -> n.startsWith("jars/pytorch-engine-")), names.toString());
		assertTrue(names.stream().noneMatch(n -> n.contains("pytorch-native") || n.contains("/ij-") || n.contains("junit")), names.toString());

		args[args.length - 1] = "20261123010000";
		assertEquals(0, UpdateSiteMain.run(args, out, out));
		UpdateSite again = UpdateSiteIndex.read(site.resolve(UpdateSiteIndex.FILE_NAME));
		for (SiteFile f : again.files()) {
			assertEquals(20261122010000L, f.current().get().timestamp(), "unchanged " + f.filename() + " keeps its version");
		}
	}
}
