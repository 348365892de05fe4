package io.github.landmarkj.command;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A folder batch and Detect Landmarks running at the same time in one Fiji (one SciJava context) give what
 * each gives alone: the commands share no mutable state (each opens its own networks; LandmarkJ has no
 * static mutable fields).
 */
class ConcurrentCommandsTest {
	@TempDir
	static Path modelDir;
	@TempDir
	Path dir;
	private static Context context;
	private static String model;

	@BeforeAll
	static void setUp() throws Exception {
		context = new Context();
		model = TestModels.untrained(modelDir).toString();
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private CommandModule batch(Path in, Path out) throws Exception {
		return Commands.run(context, DetectLandmarksInFolderCommand.class, "input_folder", in.toString(), "file_pattern", "*.png",
				"output_folder", out.toString(), "annotated_png", false, "threads", 1, "model", model, "device", "cpu", "regions",
				"Whole image");
	}

	private CommandModule single(Path out) throws Exception {
		return Commands.run(context, DetectLandmarksCommand.class, "image", TestImages.astronaut(), "regions", "Whole image", "model", model,
				"device", "cpu", "show_results", false, "add_overlay", false, "output_folder", out.toString());
	}

	@Test
	void aFolderBatchAndDetectLandmarksAtOnceGiveWhatEachGivesAlone() throws Exception {
		Path in = Files.createDirectories(dir.resolve("in"));
		for (int i = 0; i < 4; i++) {
			Files.copy(TestImages.demoPhoto(), in.resolve("a" + i + ".png"));
		}
		assertFalse(batch(in, dir.resolve("batch-alone")).isCanceled());
		assertFalse(single(dir.resolve("single-alone")).isCanceled());

		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<CommandModule>> runs = new ArrayList<>();
			runs.add(pool.submit(() -> batch(in, dir.resolve("batch-together"))));
			runs.add(pool.submit(() -> single(dir.resolve("single-together-1"))));
			runs.add(pool.submit(() -> single(dir.resolve("single-together-2"))));
			for (Future<CommandModule> r : runs) {
				CommandModule m = r.get();
				assertFalse(m.isCanceled(), m.getCancelReason());
			}
		} finally {
			pool.shutdown();
		}
		for (int i = 0; i < 4; i++) {
			assertEquals(Files.readAllLines(dir.resolve("batch-alone/a" + i + ".csv")), Files.readAllLines(dir.resolve("batch-together/a" + i + ".csv")));
		}
		for (String k : new String[] {"1", "2"}) {
			assertEquals(Files.readAllLines(dir.resolve("single-alone/astronaut.csv")),
					Files.readAllLines(dir.resolve("single-together-" + k + "/astronaut.csv")));
		}
	}
}
