package io.github.landmarkj.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shared data folder (../shared/data from the project root) for tests that read it. */
final class TestData {
	private TestData() {
	}

	/** {@code relative} under the shared data folder; skips the test when the data is not available. */
	static Path path(String relative) {
		Path p = Paths.get("..", "shared", "data").resolve(relative).toAbsolutePath().normalize();
		assumeTrue(Files.exists(p), "shared data not found: " + p);
		return p;
	}
}
