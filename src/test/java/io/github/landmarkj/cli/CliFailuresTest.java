package io.github.landmarkj.cli;

import io.github.landmarkj.engine.TestModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the command line says and returns when things go wrong: a sentence to act on, a documented exit code. */
class CliFailuresTest {
	@TempDir
	static Path shared;
	private static Path model;
	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeAll
	static void makeModel() throws Exception {
		model = TestModels.untrainedFace68(Files.createDirectories(shared.resolve("tiny")));
	}

	private int run(String... args) {
		out.reset();
		err.reset();
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void anOutputThatIsAFileIsNamedAsSuchBeforeAnyWork() throws Exception {
		Path file = Files.write(dir.resolve("outfile"), new byte[] {1});
		assertEquals(ExitCodes.FAILURE, run("detect", "--input", "samples/astronaut.png", "--output", file.toString(), "--model",
				"no-such-model", "--whole-image"));
		assertTrue(err().contains(file + " is a file where a folder is needed"), err());
		assertFalse(err().contains("no-such-model"), "the output is checked before the model is looked for");
	}

	/**
	 * Every command that writes a folder refuses an output it cannot write before any work (the model is not
	 * even looked for): a file in its place, a file on its path, a file system that takes no files. As root too.
	 */
	@Test
	void everyCommandFindsAnUnwritableOutputBeforeAnyWork() throws Exception {
		Path file = Files.write(dir.resolve("taken"), new byte[] {1});
		Path frames = Files.createDirectories(dir.resolve("frames"));
		Files.copy(Paths.get("samples", "astronaut.png"), frames.resolve("f1.png"));
		Path data = Files.createDirectories(dir.resolve("data"));
		Files.copy(Paths.get("samples", "astronaut.png"), data.resolve("a.png"));
		StringBuilder pts = new StringBuilder("version: 1\nn_points: 68\n{\n");
		for (int i = 0; i < 68; i++) {
			pts.append(200 + i).append(' ').append(140 + i % 7).append('\n');
		}
		Files.write(data.resolve("a.pts"), (pts + "}\n").getBytes(StandardCharsets.UTF_8));
		java.util.List<Path> outputs = new java.util.ArrayList<>(java.util.List.of(file, file.resolve("below")));
		if (Files.isDirectory(Paths.get("/proc/self"))) {
			outputs.add(Paths.get("/proc/landmarkj-output"));
		}
		for (Path output : outputs) {
			String o = output.toString();
			String[][] lines = {
					{"detect", "--input", "samples/astronaut.png", "--output", o, "--model", "no-such-model", "--whole-image"},
					{"track", "--input", frames.toString(), "--output", o, "--model", "no-such-model", "--temporal", "none"},
					{"train", "--data", data.toString(), "--output", o, "--init", "no-such-model", "--epochs", "1"},
					{"evaluate", "--data", data.toString(), "--output", o, "--model", "no-such-model"}};
			for (String[] line : lines) {
				assertEquals(ExitCodes.FAILURE, run(line), String.join(" ", line) + ": " + err());
				String named = output.startsWith(file) ? file.toString() : o;
				assertTrue(err().contains(named), String.join(" ", line) + " -> " + err());
				assertFalse(err().contains("no-such-model"), "the output is checked before the model is looked for: " + err());
			}
		}
		assertEquals(1, Files.size(file));
	}

	@Test
	void aBatchWhereSomeImagesFailedExitsWithThree() throws Exception {
		Path input = Files.createDirectories(dir.resolve("in"));
		Files.copy(Paths.get("samples", "astronaut.png"), input.resolve("a.png"));
		Files.write(input.resolve("broken.png"), new byte[] {1, 2, 3});
		Path output = dir.resolve("out");
		assertEquals(ExitCodes.PARTIAL_FAILURE, run("detect", "--input", input.toString(), "--output", output.toString(), "--model",
				model.toString(), "--whole-image", "--device", "cpu"));
		assertTrue(err().contains("1 image(s) failed: the reasons are in " + output.resolve("errors.csv")), err());
		// All finished now: the rerun skips a.png, and broken.png still fails.
		assertEquals(ExitCodes.PARTIAL_FAILURE, run("detect", "--input", input.toString(), "--output", output.toString(), "--model",
				model.toString(), "--whole-image", "--device", "cpu"));
		Files.delete(input.resolve("broken.png"));
		assertEquals(ExitCodes.OK, run("detect", "--input", input.toString(), "--output", output.toString(), "--model",
				model.toString(), "--whole-image", "--device", "cpu"));
	}

	@Test
	void boxFileRowsForNoImageAreWarnedAbout() throws Exception {
		Path boxes = Files.write(dir.resolve("boxes.csv"), "image,x,y,width,height\nAstronaut.PNG,170,88,106,100\n"
				.getBytes(StandardCharsets.UTF_8));
		assertEquals(ExitCodes.OK, run("detect", "--input", "samples/astronaut.png", "--output", dir.resolve("out").toString(), "--boxes",
				boxes.toString(), "--model", model.toString(), "--whole-image", "--device", "cpu"));
		assertTrue(err().contains("Warning: Box-file rows for 'Astronaut.PNG' (1 box(es)) match no image of this batch; did you mean "
				+ "'astronaut.png'?"), err());
	}

	@Test
	void verboseAddsTheStackTraceAndOtherwiseItIsLeftOut() throws Exception {
		Path file = Files.write(dir.resolve("outfile"), new byte[] {1});
		String[] args = {"detect", "--input", "samples/astronaut.png", "--output", file.toString(), "--whole-image"};
		run(args);
		assertFalse(err().contains("\tat "), err());
		String[] verbose = java.util.Arrays.copyOf(args, args.length + 1);
		verbose[args.length] = "--verbose";
		assertEquals(ExitCodes.FAILURE, run(verbose));
		assertTrue(err().contains("NotDirectoryException") && err().contains("\tat io.github.landmarkj"), err());
	}

	@Test
	void noMessageIsABareNumberOrNull() throws Exception {
		String data = dir.toString();
		String[][] lines = {
				{"detect", "--input", "samples/astronaut.png", "--output", dir.resolve("o1").toString(), "--threads", "-5", "--whole-image"},
				{"detect", "--input", "samples/astronaut.png", "--output", dir.resolve("o2").toString(), "--threads", "0", "--whole-image"},
				{"bench", "--runs", "-5", "--model", model.toString()},
				{"bench", "--torch-threads", "0", "--model", model.toString()},
				{"evaluate", "--data", data, "--validation-every", "-5", "--model", model.toString()},
				{"evaluate", "--data", data, "--validation-every", "0", "--model", model.toString()},
		};
		for (String[] line : lines) {
			int code = run(line);
			String message = err();
			assertNotEquals(ExitCodes.OK, code, String.join(" ", line));
			assertFalse(message.matches("(?s)Error: (null|-?\\d+)\\s*"), String.join(" ", line) + " -> " + message);
			assertTrue(message.startsWith("Error: "), String.join(" ", line) + " -> " + message);
			assertFalse(message.contains("An unexpected"), String.join(" ", line) + " -> " + message);
		}
	}

	@Test
	void evaluateNamesEveryAnnotationFileItSkipsAndGoesOn() throws Exception {
		Path data = Files.createDirectories(dir.resolve("data"));
		StringBuilder pts = new StringBuilder("version: 1\nn_points: 68\n{\n");
		for (int i = 0; i < 68; i++) {
			pts.append(200 + 40 * Math.cos(2 * Math.PI * i / 68)).append(' ').append(140 + 45 * Math.sin(2 * Math.PI * i / 68)).append('\n');
		}
		String good = pts + "}\n";
		for (String name : new String[] {"good", "nan", "nobrace", "text", "short"}) {
			Files.copy(Paths.get("samples", "astronaut.png"), data.resolve(name + ".png"));
		}
		Files.write(data.resolve("good.pts"), good.getBytes(StandardCharsets.UTF_8));
		Files.write(data.resolve("nan.pts"), good.replaceFirst("\n2\\d\\d\\.\\d+ ", "\nNaN ").getBytes(StandardCharsets.UTF_8));
		Files.write(data.resolve("nobrace.pts"), pts.toString().getBytes(StandardCharsets.UTF_8));
		Files.write(data.resolve("text.pts"), "hello".getBytes(StandardCharsets.UTF_8));
		Files.write(data.resolve("short.pts"), "version: 1\nn_points: 68\n{\n1 2\n}\n".getBytes(StandardCharsets.UTF_8));
		assertEquals(ExitCodes.OK, run("evaluate", "--data", data.toString(), "--model", model.toString(), "--device", "cpu", "--output",
				dir.resolve("eval").toString()), err());
		for (String name : new String[] {"nan", "nobrace", "text", "short"}) {
			assertTrue(err().contains("Skipping " + data.resolve(name + ".png") + ": unreadable point file"), name + ": " + err());
		}
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("faces 1 "), out.toString(StandardCharsets.UTF_8));
	}
}
