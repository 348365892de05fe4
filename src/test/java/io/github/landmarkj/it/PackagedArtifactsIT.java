package io.github.landmarkj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonStreamParser;
import io.github.landmarkj.command.DetectLandmarksCommand;
import io.github.landmarkj.command.DetectLandmarksInFolderCommand;
import io.github.landmarkj.command.EvaluateLandmarkModelCommand;
import io.github.landmarkj.command.LandmarkJInfoCommand;
import io.github.landmarkj.command.TrainLandmarkModelCommand;
import io.github.landmarkj.script.DefaultLandmarkJService;
import io.github.landmarkj.updater.SiteFile;
import io.github.landmarkj.updater.UpdateSite;
import io.github.landmarkj.updater.UpdateSiteIndex;
import io.github.landmarkj.updater.UpdateSiteMain;
import io.github.landmarkj.updater.UpdaterChecksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** Checks the built jars themselves (run by failsafe after {@code package}). */
class PackagedArtifactsIT {
	private static Path pluginJar() {
		Path jar = Path.of(System.getProperty("landmarkj.pluginJar", "target/landmarkj.jar"));
		assertTrue(Files.isRegularFile(jar), "plugin jar " + jar + " was not built");
		return jar;
	}

	@Test
	void pluginJarListsEveryCommandInTheSciJavaIndexAndCarriesTheModels() throws Exception {
		try (JarFile jar = new JarFile(pluginJar().toFile())) {
			ZipEntry index = jar.getEntry("META-INF/json/org.scijava.plugin.Plugin");
			assertNotNull(index, "SciJava plugin index missing");
			Set<String> classes = new HashSet<>();
			JsonStreamParser parser = new JsonStreamParser(new InputStreamReader(jar.getInputStream(index), StandardCharsets.UTF_8));
			while (parser.hasNext()) {
				classes.add(parser.next().getAsJsonObject().get("class").getAsString());
			}
			for (Class<?> c : new Class<?>[] {DetectLandmarksCommand.class, DetectLandmarksInFolderCommand.class,
					TrainLandmarkModelCommand.class, EvaluateLandmarkModelCommand.class, LandmarkJInfoCommand.class,
					DefaultLandmarkJService.class}) {
				assertTrue(classes.contains(c.getName()), c.getName() + " missing from the plugin index " + classes);
			}
			for (String name : new String[] {"face68", "face-detector"}) {
				ZipEntry model = jar.getEntry("landmarkj/models/" + name + "/model.json");
				assertNotNull(model, "bundled model " + name + " missing");
				JsonObject json = JsonParser.parseReader(new InputStreamReader(jar.getInputStream(model), StandardCharsets.UTF_8))
						.getAsJsonObject();
				String weights = "landmarkj/models/" + name + "/" + json.getAsJsonObject("weights").get("file").getAsString();
				assertNotNull(jar.getEntry(weights), weights + " missing");
				assertNotNull(jar.getEntry("landmarkj/models/" + name + "/CARD.md"), "model card of " + name + " missing");
			}
		}
	}

	@Test
	void updateSiteFromTheBuiltJarsListsEveryStoredFileWithItsChecksumAndIsStableOnRebuild(@TempDir Path site) throws Exception {
		String classpath = System.getProperty("landmarkj.runtimeClasspath");
		assertNotNull(classpath, "failsafe passes the runtime class path");
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
		String[] args = {"--output", site.toString(), "--plugin", pluginJar().toString(), "--classpath", classpath, "--timestamp",
				"20261122010000"};
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

	@Test
	void commandLineJarRunsOfflineAndGivesTheSameLandmarksAsTheLibrary(@TempDir Path out) throws Exception {
		Path cli = Path.of(System.getProperty("landmarkj.cliJar", "target/landmarkj-cli.jar"));
		assertTrue(Files.isRegularFile(cli), "CLI jar " + cli + " was not built");
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", cli.toString(),
				"detect", "--input", "samples/astronaut.png", "--boxes", "samples/astronaut-boxes.csv", "--output", out.toString(), "--annotated")
				.redirectErrorStream(true).start();
		String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(5, TimeUnit.MINUTES));
		assertEquals(0, p.exitValue(), text);
		assertTrue(text.contains("Device: cpu"), text);
		List<String> rows = Files.readAllLines(out.resolve("astronaut.csv"));
		assertEquals(69, rows.size());
		assertTrue(Files.size(out.resolve("astronaut_annotated.png")) > 10_000);
	}
}
