package io.github.landmarkj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md, read from the sources: inference and evaluation never use {@code train/};
 * algorithms never use ImageJ, SciJava UI or Swing; {@code eval/} draws nothing (its plots are ImageJ's,
 * in {@code ij/}). A reference written out in full ({@code io.github.landmarkj.train.X}) counts as an import.
 */
class LayeringTest {
	private static final Path SOURCES = Paths.get("src/main/java/io/github/landmarkj");
	/** Every package that runs at inference or evaluation time: all but the trainers and their commands/verbs. */
	private static final String[] WITHOUT_TRAINING = {"core", "net", "engine", "detect", "video", "eval", "io", "ij", "script",
			"imglib2", "batch"};
	private static final String[] ALGORITHMS = {"core", "net", "train", "eval", "io"};

	@Test
	void inferenceAndEvaluationNeverUseTraining() throws IOException {
		assertEquals(List.of(), uses(WITHOUT_TRAINING, Pattern.compile("\\bio\\.github\\.landmarkj\\.train\\.")));
	}

	@Test
	void algorithmsNeverUseImageJOrUserInterfaces() throws IOException {
		assertEquals(List.of(), uses(ALGORITHMS, Pattern.compile("\\bimport\\s+(static\\s+)?(ij\\.|org\\.scijava\\.ui\\.|javax\\.swing\\.)")));
	}

	@Test
	void evaluationDrawsNothing() throws IOException {
		assertEquals(List.of(), uses(new String[] {"eval"}, Pattern.compile("\\bjava\\.awt\\b")));
	}

	/** The check itself finds what it looks for: {@code train/} uses {@code core/}, the CLI uses {@code train/}. */
	@Test
	void theScanSeesImports() throws IOException {
		assertTrue(!uses(new String[] {"train"}, Pattern.compile("\\bio\\.github\\.landmarkj\\.core\\.")).isEmpty());
		assertTrue(!uses(new String[] {"cli"}, Pattern.compile("\\bio\\.github\\.landmarkj\\.train\\.")).isEmpty());
	}

	/** "file: line" for every line of the packages' sources that matches, outside comments. */
	private static List<String> uses(String[] packages, Pattern pattern) throws IOException {
		List<String> found = new ArrayList<>();
		for (String p : packages) {
			Path folder = SOURCES.resolve(p);
			assertTrue(Files.isDirectory(folder), "no package " + folder.toAbsolutePath());
			List<Path> files;
			try (Stream<Path> s = Files.walk(folder)) {
				files = s.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
			}
			for (Path f : files) {
				for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
					String code = line.trim();
					if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
						continue;
					}
					Matcher m = pattern.matcher(code);
					if (m.find()) {
						found.add(SOURCES.relativize(f) + ": " + code);
					}
				}
			}
		}
		return found;
	}
}
