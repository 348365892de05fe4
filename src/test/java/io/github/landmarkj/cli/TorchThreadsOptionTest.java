package io.github.landmarkj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.engine.IntraOpThreads;
import io.github.landmarkj.engine.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * libtorch's thread count in the inference verbs: --torch-threads, else the JVM's -Dai.djl.pytorch.num_threads,
 * else one; the count is process-wide, so each test puts back the one the test JVM started with.
 */
class TorchThreadsOptionTest {
	@TempDir
	static Path shared;
	private static Path model;
	private static int startThreads;
	private static String startProperty;

	@TempDir
	Path out;
	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
	private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

	@BeforeAll
	static void makeModel() throws Exception {
		model = TestModels.untrainedFace68(Files.createDirectories(shared.resolve("tiny")));
		startThreads = IntraOpThreads.current();
		startProperty = System.getProperty(TorchThreadsOption.PROPERTY);
	}

	@AfterEach
	void putBack() throws Exception {
		IntraOpThreads.set(startThreads);
		if (startProperty == null) {
			System.clearProperty(TorchThreadsOption.PROPERTY);
		} else {
			System.setProperty(TorchThreadsOption.PROPERTY, startProperty);
		}
	}

	private int detect(String... extra) {
		String[] base = {"detect", "--input", "samples/astronaut.png", "--boxes", "samples/astronaut-boxes.csv", "--model", model.toString(),
				"--output", out.resolve("o" + System.nanoTime()).toString()};
		String[] args = new String[base.length + extra.length];
		System.arraycopy(base, 0, args, 0, base.length);
		System.arraycopy(extra, 0, args, base.length, extra.length);
		return Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
	}

	private String printed() {
		return stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8);
	}

	@Test
	void theOptionSetsTheCountAndSaysIt() throws Exception {
		assertEquals(0, detect("--torch-threads", "2"), printed());
		assertTrue(printed().contains("libtorch threads: 2"), printed());
		assertEquals(2, IntraOpThreads.current());
	}

	@Test
	void withoutTheOptionOrThePropertyItIsOne() throws Exception {
		IntraOpThreads.set(2);
		System.clearProperty(TorchThreadsOption.PROPERTY);
		assertEquals(0, detect(), printed());
		assertTrue(printed().contains("libtorch threads: 1"), printed());
		assertEquals(1, IntraOpThreads.current());
	}

	@Test
	void theJvmsPropertyIsKept() throws Exception {
		IntraOpThreads.set(2);
		System.setProperty(TorchThreadsOption.PROPERTY, "2");
		assertEquals(0, detect(), printed());
		assertTrue(printed().contains("libtorch threads: 2"), printed());
	}

	@Test
	void lessThanOneThreadIsAUsageError() throws Exception {
		assertEquals(2, detect("--torch-threads", "0"));
		assertTrue(printed().contains("--torch-threads needs at least 1 thread, got 0"), printed());
	}

	@Test
	void trackAndEvaluateHaveTheOptionToo() {
		for (String verb : new String[] {"track", "evaluate"}) {
			stdout.reset();
			assertEquals(0, Main.run(new String[] {verb, "--help"}, new PrintStream(stdout, true, StandardCharsets.UTF_8),
					new PrintStream(stderr, true, StandardCharsets.UTF_8)));
			assertTrue(printed().replaceAll("\\s+", " ").contains("--torch-threads=N libtorch threads"), verb + ": " + printed());
		}
	}
}
