package io.github.landmarkj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

class TrainDetectorVerbTest {
	private static String[] run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
	}

	@Test
	void isRegisteredAndExplainsItself() {
		String[] r = run("train-detector", "--help");
		assertEquals("0", r[0]);
		assertTrue(r[1].contains("--canvas"), r[1]);
	}

	@Test
	void rejectsACanvasThatIsNotAMultipleOf32() {
		String[] r = run("train-detector", "--data", "samples", "--output", "target/never-written", "--canvas", "100");
		assertEquals("2", r[0]);
		assertTrue(r[2].contains("multiple of 32"), r[2]);
	}

	@Test
	void needsAnOutputFolder() {
		String[] r = run("train-detector", "--data", "samples");
		assertEquals("2", r[0]);
		assertTrue(r[2].contains("--output"), r[2]);
	}
}
