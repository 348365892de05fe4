package io.github.landmarkj.command;

import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.io.ImageFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectLandmarksInFolderCommandTest {
	@TempDir
	static Path modelDir;
	@TempDir
	Path in;
	@TempDir
	Path out;

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

	private CommandModule batch(boolean overwrite) throws Exception {
		return batch(overwrite, "Whole image");
	}

	private CommandModule batch(boolean overwrite, String regions) throws Exception {
		return Commands.run(context, DetectLandmarksInFolderCommand.class, "input_folder", in.toString(), "file_pattern", "*",
				"recursive", false, "output_folder", out.toString(), "overwrite", overwrite, "annotated_png", true, "threads", 2,
				"model", model, "device", "cpu", "regions", regions);
	}

	@Test
	void detectFacesIsTheDefaultAndAFacelessImageGetsEmptyFiles() throws Exception {
		Files.copy(TestImages.demoPhoto(), in.resolve("a.png"));
		float[] grey = new float[200 * 200];
		java.util.Arrays.fill(grey, 128);
		ImageFiles.writePng(RgbImage.fromGrey(200, 200, grey), in.resolve("grey.png"), false);
		CommandModule m = Commands.run(context, DetectLandmarksInFolderCommand.class, "input_folder", in.toString(), "file_pattern",
				"*.png", "output_folder", out.toString(), "threads", 2, "model", model, "device", "cpu");
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertTrue(Files.readAllLines(out.resolve("a.csv")).size() >= 1 + 68, "the detector finds the demo face");
		assertEquals(1, Files.readAllLines(out.resolve("grey.csv")).size(), "header only");
		assertFalse(Files.exists(out.resolve("grey.pts")));
		assertTrue(Files.readString(out.resolve("summary.csv")).contains("grey.png,ok,0,"), Files.readString(out.resolve("summary.csv")));
	}

	@Test
	void goodImagesAreProcessedBadOnesListedAndNothingOverwritten() throws Exception {
		Files.copy(TestImages.demoPhoto(), in.resolve("a.png"));
		Files.copy(TestImages.demoPhoto(), in.resolve("b.png"));
		Files.write(in.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3});
		Files.writeString(in.resolve("notes.txt"), "not an image");

		CommandModule first = batch(false);

		assertFalse(first.isCanceled(), first.getCancelReason());
		for (String f : new String[] {"a.csv", "a.json", "a.pts", "a_annotated.png", "b.csv", "summary.csv", "errors.csv"}) {
			assertTrue(Files.isRegularFile(out.resolve(f)), f);
		}
		assertEquals(1 + 68, Files.readAllLines(out.resolve("a.csv")).size());
		List<String> errors = Files.readAllLines(out.resolve("errors.csv"));
		assertEquals(3, errors.size(), String.join("\n", errors));
		assertTrue(errors.stream().anyMatch(l -> l.contains("broken.jpg")));
		assertTrue(errors.stream().anyMatch(l -> l.contains("notes.txt")));
		assertFalse(Files.exists(out.resolve("broken.csv")));

		FileTime before = Files.getLastModifiedTime(out.resolve("a.csv"));
		Files.writeString(out.resolve("b.csv"), "edited by the user");
		Thread.sleep(20);
		CommandModule second = batch(false);
		assertFalse(second.isCanceled(), second.getCancelReason());
		assertEquals(before, Files.getLastModifiedTime(out.resolve("a.csv")));
		assertEquals("edited by the user", Files.readString(out.resolve("b.csv")));
		// The rerun skipped both images and keeps the first run's results in the summary.
		String summary = Files.readString(out.resolve("summary.csv"));
		assertTrue(summary.contains("a.png,ok,1,") && summary.contains("b.png,ok,1,") && summary.contains("broken.jpg,error"), summary);
	}

	@Test
	void missingFoldersAreAClearError() throws Exception {
		CommandModule m = Commands.run(context, DetectLandmarksInFolderCommand.class, "model", model, "device", "cpu");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("input_folder="), m.getCancelReason());
	}

	@Test
	void remainingTimeReadsLikeATime() {
		assertEquals("42 s", DetectLandmarksInFolderCommand.duration(42.2));
		assertEquals("2 min 5 s", DetectLandmarksInFolderCommand.duration(125));
		assertEquals("1 h 1 min", DetectLandmarksInFolderCommand.duration(3661));
		assertEquals("?", DetectLandmarksInFolderCommand.duration(Double.NaN));
	}
}
