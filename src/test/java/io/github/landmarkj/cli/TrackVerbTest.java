package io.github.landmarkj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.filter.AVI_Writer;
import ij.process.ColorProcessor;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.video.MovingFace;
import io.github.landmarkj.video.TrackCsv;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code track} end to end with the bundled networks on a synthetic moving face, from PNG frames and from an MJPEG AVI. */
class TrackVerbTest {
	private static final int FRAMES = 12;
	private static MovingFace video;

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeAll
	static void make() throws Exception {
		video = new MovingFace();
	}

	private int run(String... args) {
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	/** One face, id 1, on every frame, its hand-marked key points within {@code tolerance} px. */
	private void checkCsv(Path csv, double tolerance) throws Exception {
		List<String> lines = Files.readAllLines(csv);
		assertEquals(TrackCsv.header(68), lines.get(0));
		assertEquals(1 + FRAMES, lines.size(), "one row per frame: " + out);
		double worst = 0;
		for (int f = 0; f < FRAMES; f++) {
			String[] v = lines.get(1 + f).split(",", -1);
			assertEquals(8 + 2 * 68, v.length);
			assertEquals(f + 1, Integer.parseInt(v[0]));
			assertEquals(1, Integer.parseInt(v[1]), "face id on frame " + (f + 1));
			assertEquals("1", v[4], "success on frame " + (f + 1));
			assertTrue(Math.abs(Double.parseDouble(v[6])) < 30, "a frontal face's yaw: " + v[6]);
			for (int k = 0; k < MovingFace.INDEX.length; k++) {
				int i = MovingFace.INDEX[k];
				Point2 got = new Point2(Double.parseDouble(v[8 + i]), Double.parseDouble(v[8 + 68 + i]));
				worst = Math.max(worst, got.distance(MovingFace.expected(k, f)));
			}
		}
		assertTrue(worst < tolerance, "worst key-point distance " + worst + " px");
	}

	@Test
	void folderOfFramesGivesOneTrackAtTheRightPlaces() throws Exception {
		Path frames = Files.createDirectories(dir.resolve("clip"));
		video.writePngs(frames, FRAMES);
		Path output = dir.resolve("out");
		assertEquals(0, run("track", "--input", frames.toString(), "--output", output.toString(), "--temporal", "none", "--fps", "25",
				"--device", "cpu"), err.toString(StandardCharsets.UTF_8));
		checkCsv(output.resolve("clip.csv"), 5);
		assertEquals("0.040", Files.readAllLines(output.resolve("clip.csv")).get(2).split(",")[2], "timestamp of frame 2 at 25 fps");
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("face 1: frames 1-12, success on 12 of 12"), out.toString(StandardCharsets.UTF_8));
		// An existing result is kept unless --overwrite.
		assertEquals(1, run("track", "--input", frames.toString(), "--output", output.toString(), "--device", "cpu"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("exists"), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void flipAveragingTracksTheFaceAtTheRightPlacesToo() throws Exception {
		Path frames = Files.createDirectories(dir.resolve("clip"));
		video.writePngs(frames, FRAMES);
		Path output = dir.resolve("out");
		assertEquals(0, run("track", "--input", frames.toString(), "--output", output.toString(), "--temporal", "none", "--fps", "25",
				"--device", "cpu", "--flip"), err.toString(StandardCharsets.UTF_8));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("; flip averaging"), out.toString(StandardCharsets.UTF_8));
		checkCsv(output.resolve("clip.csv"), 5);
	}

	@Test
	void mjpegAviIsReadWithImageJsReader() throws Exception {
		ImageStack stack = new ImageStack(MovingFace.WIDTH, MovingFace.HEIGHT);
		for (int f = 0; f < FRAMES; f++) {
			RgbImage frame = video.frame(f);
			stack.addSlice(new ColorProcessor(MovingFace.WIDTH, MovingFace.HEIGHT, frame.toPackedRgb()));
		}
		ImagePlus imp = new ImagePlus("clip", stack);
		imp.getCalibration().fps = 20;
		Path avi = dir.resolve("clip.avi");
		new AVI_Writer().writeImage(imp, avi.toString(), AVI_Writer.JPEG_COMPRESSION, 90);
		Path output = dir.resolve("avi-out");
		assertEquals(0, run("track", "--input", avi.toString(), "--output", output.toString(), "--device", "cpu", "--annotated", "--temporal", "none"),
				err.toString(StandardCharsets.UTF_8));
		checkCsv(output.resolve("clip.csv"), 5);
		assertEquals("0.050", Files.readAllLines(output.resolve("clip.csv")).get(2).split(",")[2], "the AVI's 20 frames per second");
		try (java.util.stream.Stream<Path> pngs = Files.list(output.resolve("clip_annotated"))) {
			assertEquals(FRAMES, pngs.count());
		}
	}

	@Test
	void badOptionsAreRefusedWithAMessage() {
		assertEquals(2, run("track", "--input", "samples/astronaut.png", "--output", dir.toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains(".avi file or a folder"), err.toString(StandardCharsets.UTF_8));
		assertEquals(2, run("track", "--input", "samples", "--output", dir.toString(), "--temporal", "kalman"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("kalman"));
		assertEquals(2, run("track", "--input", "samples", "--output", dir.toString(), "--detect-every", "0"));
		assertEquals(Arrays.asList(), Arrays.asList(dir.toFile().list()));
	}
}
