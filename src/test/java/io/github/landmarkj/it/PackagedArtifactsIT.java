package io.github.landmarkj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonStreamParser;
import io.github.landmarkj.command.DetectLandmarksCommand;
import io.github.landmarkj.command.DetectLandmarksInFolderCommand;
import io.github.landmarkj.command.EvaluateLandmarkModelCommand;
import io.github.landmarkj.command.LandmarkJInfoCommand;
import io.github.landmarkj.command.TrainLandmarkModelCommand;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.engine.DemoPhotoEndToEndTest;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.io.LandmarkFiles;
import io.github.landmarkj.script.DefaultLandmarkJService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStreamReader;
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

	/** The update-site builder is a build tool (update-site/, its own build): Fiji users never get it. */
	@Test
	void pluginJarHoldsNoUpdateSiteBuilder() throws Exception {
		try (JarFile jar = new JarFile(pluginJar().toFile())) {
			List<String> builder = new ArrayList<>();
			jar.stream().map(ZipEntry::getName).filter(n -> n.startsWith("io/github/landmarkj/updater/")).forEach(builder::add);
			assertEquals(List.of(), builder);
			assertNotNull(jar.getEntry("io/github/landmarkj/cli/Main.class"), "the jar read is the plugin jar");
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
		// The jar's points are the library's for the same photo and box, to the CSV's 3 decimals (and a little for
		// libtorch's thread count, which differs between the two JVMs).
		List<FaceResult> written = new ArrayList<>(LandmarkFiles.readCsv(out.resolve("astronaut.csv")).values()).get(0);
		assertEquals(1, written.size());
		Landmarks fromJar = written.get(0).landmarks();
		Landmarks fromLibrary;
		try (LandmarkDetector library = LandmarkDetector.open("face68", Device.cpu())) {
			fromLibrary = library.detect(ImageFiles.read(Path.of("samples/astronaut.png")), List.of(DemoPhotoEndToEndTest.DEMO_BOX)).get(0)
					.landmarks();
		}
		assertEquals(fromLibrary.size(), fromJar.size());
		for (int i = 0; i < fromLibrary.size(); i++) {
			assertEquals(fromLibrary.point(i).x, fromJar.point(i).x, 0.002, "x of point " + (i + 1));
			assertEquals(fromLibrary.point(i).y, fromJar.point(i).y, 0.002, "y of point " + (i + 1));
			assertEquals(fromLibrary.occluded(i), fromJar.occluded(i), "occluded flag of point " + (i + 1));
		}
	}

	/** libtorch is not inside the CLI jar but beside it, in the jar its manifest's Class-Path names. */
	@Test
	void commandLineJarNamesTheNativeLibraryJarBesideIt() throws Exception {
		Path cli = Path.of(System.getProperty("landmarkj.cliJar", "target/landmarkj-cli.jar"));
		try (JarFile jar = new JarFile(cli.toFile())) {
			assertNull(jar.getEntry("native/lib/pytorch.properties"), "libtorch is shaded into " + cli);
			assertEquals("io.github.landmarkj.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
			String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
			assertNotNull(classPath, "no Class-Path in the manifest of " + cli);
			List<String> withNatives = new ArrayList<>();
			for (String entry : classPath.trim().split(" +")) {
				Path lib = cli.toAbsolutePath().getParent().resolve(entry);
				assertTrue(Files.isRegularFile(lib), entry + " of the Class-Path is missing beside " + cli);
				try (JarFile libJar = new JarFile(lib.toFile())) {
					if (libJar.getEntry("native/lib/pytorch.properties") != null) {
						withNatives.add(entry);
					}
				}
			}
			assertEquals(1, withNatives.size(), "jars with PyTorch's native library in " + classPath);
		}
	}
}
