package io.github.landmarkj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.TestModels;
import io.github.landmarkj.io.ImageFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class MainTest {
	@TempDir
	static Path shared;
	private static Path model;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeAll
	static void makeModel() throws Exception {
		model = TestModels.untrainedFace68(Files.createDirectories(shared.resolve("tiny")));
	}

	private int run(String... args) {
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void unknownVerbAndMissingOptionsExplainThemselves() {
		assertEquals(2, run("frobnicate"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown verb 'frobnicate'"));
		err.reset();
		assertEquals(2, run("detect", "--output", "x"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--input"), err.toString(StandardCharsets.UTF_8));
		err.reset();
		assertEquals(2, run("detect", "--input", "samples/astronaut.png", "--output", "x", "--bogus", "1"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown options: '--bogus'"), err.toString(StandardCharsets.UTF_8));
		err.reset();
		assertEquals(2, run("detect", "--input", "samples/astronaut.png", "--output", "x", "--device", "tpu"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown device 'tpu'"), err.toString(StandardCharsets.UTF_8));
		err.reset();
		assertEquals(2, run("detect", "--input", "samples/astronaut.png", "--output", "x", "--threads", "two"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--threads"), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void noVerbListsTheVerbsAsAUsageErrorAndHelpListsThemAsSuccess() {
		assertEquals(2, run());
		String usage = out.toString(StandardCharsets.UTF_8);
		for (String verb : new String[] {"detect", "evaluate", "train", "bench", "info"}) {
			assertTrue(usage.contains(verb), verb + " in " + usage);
		}
		out.reset();
		assertEquals(0, run("--help"));
		assertEquals(usage, out.toString(StandardCharsets.UTF_8));
		out.reset();
		assertEquals(0, run("help"));
		assertEquals(usage, out.toString(StandardCharsets.UTF_8));
	}

	@Test
	void helpShowsTheDefaultsTheCodeUses() {
		assertEquals(0, run("detect", "--help"));
		String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
		assertTrue(help.contains("default face68"), help);
		assertTrue(help.contains("default face-detector"), help);
		assertTrue(help.replace(" ", "").contains("default*.{jpg,jpeg,png,tif,tiff,bmp,JPG,JPEG,PNG,TIF,TIFF,BMP}"), help);
		assertTrue(help.contains("default 1"), help);
		assertTrue(help.contains("default auto"), help);
		out.reset();
		assertEquals(0, run("train", "--help"));
		help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
		for (String d : new String[] {"default 40", "default 16", "default 0.002", "default 42", "default 8", "default 0.25", "default 32"}) {
			assertTrue(help.contains(d), d + " in " + help);
		}
	}

	@Test
	void everyVerbsHelpFormatsWithoutWarnings() {
		// picocli formats descriptions with String.format: a bare % makes it warn on System.err and print the raw text.
		PrintStream stderr = System.err;
		ByteArrayOutputStream warnings = new ByteArrayOutputStream();
		System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
		try {
			for (String verb : Main.commandLine(System.out, System.err).getSubcommands().keySet()) {
				assertEquals(0, run(verb, "--help"), verb);
			}
		} finally {
			System.setErr(stderr);
		}
		String printed = warnings.toString(StandardCharsets.UTF_8);
		assertFalse(printed.contains("Could not format"), printed);
	}

	@Test
	void everyVerbHasHelp() {
		for (String verb : Main.commandLine(System.out, System.err).getSubcommands().keySet()) {
			out.reset();
			assertEquals(0, run(verb, "--help"), verb);
			assertTrue(out.toString(StandardCharsets.UTF_8).contains("landmarkj " + verb), verb + " help names itself");
		}
	}

	@Test
	void detectWritesPtsCsvJsonAndPngAndLeavesThemAloneOnASecondRun(@TempDir Path dir) throws Exception {
		Path output = dir.resolve("out");
		int code = run("detect", "--input", "samples/astronaut.png", "--boxes", "samples/astronaut-boxes.csv", "--output",
				output.toString(), "--model", model.toString(), "--annotated", "--device", "cpu");
		assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("Device: cpu"));
		for (String name : new String[] {"astronaut.pts", "astronaut.csv", "astronaut.json", "astronaut_annotated.png"}) {
			assertTrue(Files.isRegularFile(output.resolve(name)), name);
		}
		List<String> pts = Files.readAllLines(output.resolve("astronaut.pts"));
		assertEquals("n_points: 68", pts.get(1).replaceAll("\\s+", " ").trim());
		assertEquals(68 + 1, Files.readAllLines(output.resolve("astronaut.csv")).size());
		long before = Files.getLastModifiedTime(output.resolve("astronaut.csv")).toMillis();
		byte[] csv = Files.readAllBytes(output.resolve("astronaut.csv"));
		out.reset();
		assertEquals(0, run("detect", "--input", "samples/astronaut.png", "--output", output.toString(), "--model", model.toString()));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 skipped"), out.toString(StandardCharsets.UTF_8));
		assertEquals(before, Files.getLastModifiedTime(output.resolve("astronaut.csv")).toMillis());
		assertTrue(java.util.Arrays.equals(csv, Files.readAllBytes(output.resolve("astronaut.csv"))));
	}

	@Test
	void detectOverAFolderListsBrokenFilesAndGoesOn(@TempDir Path dir) throws Exception {
		Path input = Files.createDirectories(dir.resolve("in"));
		Files.copy(Path.of("samples/astronaut.png"), input.resolve("a.png"));
		Files.write(input.resolve("broken.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3});
		Files.write(input.resolve("notes.png"), "not an image".getBytes(StandardCharsets.UTF_8));
		Path output = dir.resolve("out");
		assertEquals(3, run("detect", "--input", input.toString(), "--output", output.toString(), "--model", model.toString()),
				"some images failed: exit code 3");
		assertTrue(Files.exists(output.resolve("a.csv")));
		assertFalse(Files.exists(output.resolve("broken.csv")));
		List<String> errors = Files.readAllLines(output.resolve("errors.csv"));
		assertEquals(3, errors.size(), String.join("\n", errors));
		assertTrue(errors.get(1).startsWith("broken.jpg,"));
		assertTrue(errors.get(2).startsWith("notes.png,"));
	}

	@Test
	void detectWithoutBoxesFindsTheDemoFaceWithTheBundledDetector(@TempDir Path dir) throws Exception {
		Path output = dir.resolve("out");
		// The bundled detector at its own threshold finds the one real face (not the model space shuttle).
		int code = run("detect", "--input", "samples/astronaut.png", "--output", output.toString(), "--device", "cpu");
		assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
		List<String> csv = Files.readAllLines(output.resolve("astronaut.csv"));
		assertEquals(1 + 68, csv.size(), "one face: " + csv.size() + " lines");
		assertTrue(Files.isRegularFile(output.resolve("astronaut.pts")));
		// Outer and inner eye corners (0-based points 36, 39, 42, 45), read off the photo by hand.
		int[] points = {36, 39, 42, 45};
		double[][] expected = {{192.5, 101.5}, {213, 103}, {236.5, 104}, {258.5, 103}};
		for (int k = 0; k < points.length; k++) {
			String[] f = csv.get(1 + points[k]).split(",");
			assertEquals(points[k] + 1, Integer.parseInt(f[2]), "row of point " + points[k]);
			double error = Math.hypot(Double.parseDouble(f[4]) - expected[k][0], Double.parseDouble(f[5]) - expected[k][1]);
			assertTrue(error <= 6, "point " + points[k] + " is " + error + " px from the eye corner: " + csv.get(1 + points[k]));
		}
	}

	/**
	 * Two people side by side (the demo photo twice): two faces, numbered left to right, each with its
	 * eye corners where the hand-marked ones are, shifted by the width of the photo for the second.
	 */
	@Test
	void twoFacesInOnePhotoAreFoundAndNumberedLeftToRight(@TempDir Path dir) throws Exception {
		java.awt.image.BufferedImage one = javax.imageio.ImageIO.read(new java.io.File("samples/astronaut.png"));
		java.awt.image.BufferedImage two = new java.awt.image.BufferedImage(2 * one.getWidth(), one.getHeight(),
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = two.createGraphics();
		g.drawImage(one, 0, 0, null);
		g.drawImage(one, one.getWidth(), 0, null);
		g.dispose();
		Path photo = dir.resolve("pair.png");
		io.github.landmarkj.io.ImageFiles.writePng(two, photo, false);
		Path output = dir.resolve("out");
		assertEquals(0, run("detect", "--input", photo.toString(), "--output", output.toString(), "--device", "cpu"),
				err.toString(StandardCharsets.UTF_8));
		List<String> csv = Files.readAllLines(output.resolve("pair.csv"));
		assertEquals(1 + 2 * 68, csv.size(), "two faces");
		assertTrue(Files.isRegularFile(output.resolve("pair_1.pts")) && Files.isRegularFile(output.resolve("pair_2.pts")));
		int[] points = {36, 39, 42, 45};
		double[][] expected = {{192.5, 101.5}, {213, 103}, {236.5, 104}, {258.5, 103}};
		for (int face = 0; face < 2; face++) {
			for (int k = 0; k < points.length; k++) {
				String[] f = csv.get(1 + face * 68 + points[k]).split(",");
				assertEquals(face + 1, Integer.parseInt(f[1]), "face number");
				double error = Math.hypot(Double.parseDouble(f[4]) - (expected[k][0] + face * one.getWidth()),
						Double.parseDouble(f[5]) - expected[k][1]);
				assertTrue(error <= 6, "face " + (face + 1) + " point " + points[k] + " is " + error + " px off: " + csv.get(1 + face * 68 + points[k]));
			}
		}
	}

	@Test
	void anImageWithoutAFaceGivesEmptyFilesAndSaysSo(@TempDir Path dir) throws Exception {
		Path grey = dir.resolve("grey.png");
		float[] pixels = new float[200 * 200];
		java.util.Arrays.fill(pixels, 128);
		ImageFiles.writePng(RgbImage.fromGrey(200, 200, pixels), grey, false);
		Path output = dir.resolve("out");
		assertEquals(0, run("detect", "--input", grey.toString(), "--output", output.toString(), "--model", model.toString(), "--device",
				"cpu"), err.toString(StandardCharsets.UTF_8));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("grey.png: no face found"), out.toString(StandardCharsets.UTF_8));
		try (java.util.stream.Stream<Path> files = Files.list(output)) {
			assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".pts")).collect(java.util.stream.Collectors.toList()));
		}
		assertEquals(List.of("image,face,point,name,x,y,confidence,occluded,pitch,yaw,roll"), Files.readAllLines(output.resolve("grey.csv")));
		JsonObject json = JsonParser.parseString(Files.readString(output.resolve("grey.json"))).getAsJsonObject();
		assertEquals(0, json.getAsJsonArray("faces").size());
		assertTrue(Files.readString(output.resolve("summary.csv")).contains("grey.png,ok,0,"), Files.readString(output.resolve("summary.csv")));

		out.reset();
		Path whole = dir.resolve("whole");
		assertEquals(0, run("detect", "--input", grey.toString(), "--output", whole.toString(), "--model", model.toString(), "--device",
				"cpu", "--whole-image"));
		assertEquals(1 + 68, Files.readAllLines(whole.resolve("grey.csv")).size(), "--whole-image: the image is one face crop");
		assertFalse(out.toString(StandardCharsets.UTF_8).contains("no face found"));
	}

	@Test
	void aTrainingStageStartedFromAModelKeepsTheRecordOfTheStageBeforeAndTheGivenVersion(@TempDir Path dir) throws Exception {
		Path data = Files.createDirectories(dir.resolve("faces"));
		try (var faces = Files.list(Path.of("../shared/data/face68/train/lfpw"))) {
			for (Path jpg : faces.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(6).toList()) {
				String stem = jpg.getFileName().toString().replace(".jpg", "");
				Files.copy(jpg, data.resolve(stem + ".jpg"));
				Files.copy(jpg.resolveSibling(stem + ".pts"), data.resolve(stem + ".pts"));
			}
		}
		String[] common = {"train", "--data", data.toString(), "--epochs", "1", "--batch", "2", "--validation-every", "3", "--device", "cpu"};
		Path first = dir.resolve("first"), second = dir.resolve("second");
		assertEquals(0, run(concat(common, "--output", first.toString(), "--drawing-styles", "0")), err.toString(StandardCharsets.UTF_8));
		assertEquals(0, run(concat(common, "--output", second.toString(), "--init", first.toString(), "--model-version", "2.0.0",
				"--lr", "0.001")), err.toString(StandardCharsets.UTF_8));
		JsonObject json = JsonParser.parseString(Files.readString(second.resolve("model.json"))).getAsJsonObject();
		assertEquals("2.0.0", json.get("version").getAsString());
		JsonObject training = json.getAsJsonObject("training");
		assertEquals("first 1.0.0", training.get("initialised_from").getAsString());
		assertEquals(0.1, training.get("drawing_style_probability").getAsDouble(), 1e-12);
		assertEquals(0.001, training.get("learning_rate").getAsDouble(), 1e-12);
		JsonObject previous = training.getAsJsonObject("previous_stage");
		assertEquals(0.0, previous.get("drawing_style_probability").getAsDouble(), 1e-12);
		assertEquals(0.002, previous.get("learning_rate").getAsDouble(), 1e-12);
		assertFalse(previous.has("previous_stage"), "the first stage started from nothing");
	}

	private static String[] concat(String[] a, String... b) {
		String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	@Test
	void trainingVerbsCheckTheirFoldersBeforeTheyStart(@TempDir Path dir) throws Exception {
		for (String verb : new String[] {"train"}) {
			err.reset();
			assertEquals(2, run(verb, "--data", dir.resolve("missing").toString(), "--output", dir.resolve("m").toString()));
			assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not a folder"), verb + ": " + err);
			err.reset();
			assertEquals(2, run(verb, "--output", dir.resolve("m").toString()));
			assertTrue(err.toString(StandardCharsets.UTF_8).contains("Give at least one --data folder"), verb + ": " + err);
			err.reset();
			Path existing = Files.createDirectories(dir.resolve(verb + "-model"));
			Files.writeString(existing.resolve("model.json"), "{}");
			assertEquals(2, run(verb, "--data", dir.toString(), "--output", existing.toString()));
			assertTrue(err.toString(StandardCharsets.UTF_8).contains("already holds a model"), verb + ": " + err);
			assertEquals("{}", Files.readString(existing.resolve("model.json")), "an existing model is left alone");
		}
	}

	@Test
	void detectorOptionsAreChecked() {
		assertEquals(2, run("detect", "--input", "samples/astronaut.png", "--output", "x", "--whole-image", "--score-threshold", "0.5"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--whole-image uses no detector"), err.toString(StandardCharsets.UTF_8));
		err.reset();
		assertEquals(2, run("detect", "--input", "samples/astronaut.png", "--output", "x", "--score-threshold", "1.5"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--score-threshold"), err.toString(StandardCharsets.UTF_8));
		err.reset();
		assertEquals(2, run("detect", "--input", "samples/astronaut.png", "--output", "x", "--refine", "maybe"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Invalid value for option '--refine': 'maybe' is not an int"), err.toString(StandardCharsets.UTF_8));
		err.reset();
		assertEquals(2, run("detect", "--input", "samples/astronaut.png", "--output", "x", "--refine", "5"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--refine needs 0 to 4 passes, got 5"), err.toString(StandardCharsets.UTF_8));
		err.reset();
		assertEquals(2, run("detect", "--input", "samples/astronaut.png", "--output", "x", "--min-face-size", "-3"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--min-face-size needs a number of pixels"), err.toString(StandardCharsets.UTF_8));
		err.reset();
		assertEquals(2, run("detect", "--input", "samples/astronaut.png", "--output", "x", "--whole-image", "--min-face-size", "20"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--whole-image uses no detector"), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void evaluateWritesMetricsAndRefusesToOverwrite(@TempDir Path dir) throws Exception {
		Path data = Files.createDirectories(dir.resolve("faces"));
		Path afw = Path.of("../shared/data/face68/train/afw");
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(afw), "shared data missing");
		for (String stem : new String[] {"1051618982_1", "111076519_1", "111076519_2"}) {
			Files.copy(afw.resolve(stem + ".jpg"), data.resolve(stem + ".jpg"));
			Files.copy(afw.resolve(stem + ".pts"), data.resolve(stem + ".pts"));
		}
		Path output = dir.resolve("eval");
		assertEquals(0, run("evaluate", "--data", data.toString(), "--model", model.toString(), "--output", output.toString()),
				err.toString(StandardCharsets.UTF_8));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("faces 3"));
		for (String name : new String[] {"metrics.json", "ced.png", "predictions.csv", "faces.csv"}) {
			assertTrue(Files.isRegularFile(output.resolve(name)), name);
		}
		assertEquals(3 * 68 + 1, Files.readAllLines(output.resolve("predictions.csv")).size());
		assertEquals(1, run("evaluate", "--data", data.toString(), "--model", model.toString(), "--output", output.toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("file exists"), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void flipAveragingIsAnOptionOfDetectAndEvaluate(@TempDir Path dir) throws Exception {
		Path data = Files.createDirectories(dir.resolve("faces"));
		Path afw = Path.of("../shared/data/face68/train/afw");
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(afw), "shared data missing");
		Files.copy(afw.resolve("1051618982_1.jpg"), data.resolve("1051618982_1.jpg"));
		Files.copy(afw.resolve("1051618982_1.pts"), data.resolve("1051618982_1.pts"));
		assertEquals(0, run("evaluate", "--data", data.toString(), "--output", dir.resolve("eval").toString(), "--flip", "--device", "cpu"),
				err.toString(StandardCharsets.UTF_8));
		String said = out.toString(StandardCharsets.UTF_8);
		assertTrue(said.contains("decoder dark; test-time augmentation: flip") && said.contains("faces 1"), said);
		out.reset();
		Path output = dir.resolve("out");
		assertEquals(0, run("detect", "--input", "samples/astronaut.png", "--boxes", "samples/astronaut-boxes.csv", "--output",
				output.toString(), "--flip", "--device", "cpu"), err.toString(StandardCharsets.UTF_8));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("Flip test-time averaging"), out.toString(StandardCharsets.UTF_8));
		assertTrue(Files.isRegularFile(output.resolve("astronaut.pts")));
	}
}
