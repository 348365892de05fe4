package io.github.landmarkj.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.io.ImageFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

/**
 * The bundled model on the demo photo gives the same 68 points through the library, the Detect Landmarks
 * command, the macro of macros/ and the command line (to the 3 decimals of the files), given the same region.
 */
class SameLandmarksEverywhereTest {
	/** The demo box as samples/astronaut-boxes.csv gives it (LandmarkJ's convention: pixel centres at integers). */
	private static final FaceBox DEMO_BOX = new FaceBox(179, 88, 90, 92);
	/**
	 * The same numbers drawn as an ImageJ rectangle, makeRectangle(179, 88, 90, 92): its edges lie on pixel
	 * borders, half a pixel before the pixel centres of LandmarkJ's convention, so it is this box.
	 */
	private static final FaceBox DEMO_ROI_BOX = new FaceBox(178.5, 87.5, 90, 92);
	private static Context context;
	private static Landmarks library;
	private static Landmarks libraryFromRoi;

	@BeforeAll
	static void setUp() throws Exception {
		context = new Context();
		try (LandmarkDetector detector = LandmarkDetector.open("face68", Device.cpu())) {
			library = detector.detect(ImageFiles.read(Paths.get("samples/astronaut.png")), Collections.singletonList(DEMO_BOX))
					.get(0).landmarks();
			libraryFromRoi = detector.detect(ImageFiles.read(Paths.get("samples/astronaut.png")),
					Collections.singletonList(DEMO_ROI_BOX)).get(0).landmarks();
		}
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private static void assertSameAsLibrary(Landmarks expected, List<String> csv, String surface) {
		assertEquals(69, csv.size(), surface);
		for (int i = 0; i < 68; i++) {
			String[] f = csv.get(i + 1).split(",");
			assertEquals(expected.point(i).x, Double.parseDouble(f[4]), 1.5e-3, surface + " x of point " + (i + 1));
			assertEquals(expected.point(i).y, Double.parseDouble(f[5]), 1.5e-3, surface + " y of point " + (i + 1));
		}
	}

	@Test
	void command(@TempDir Path out) throws Exception {
		ImagePlus imp = IJ.openImage("samples/astronaut.png");
		imp.setRoi(179, 88, 90, 92);
		ResultsTable.getResultsTable().reset();
		Commands.run(context, DetectLandmarksCommand.class, "image", imp, "regions", "Current ROI", "model", "face68", "device", "cpu",
				"show_results", true, "output_folder", out.toString());
		ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals(68, rt.size());
		for (int i = 0; i < 68; i++) {
			assertEquals(libraryFromRoi.point(i).x, rt.getValue("x", i), 1e-3, "Results x of point " + (i + 1));
			assertEquals(libraryFromRoi.point(i).y, rt.getValue("y", i), 1e-3, "Results y of point " + (i + 1));
		}
		assertSameAsLibrary(libraryFromRoi, Files.readAllLines(out.resolve("astronaut.csv")), "command CSV");
	}

	@Test
	void macro(@TempDir Path out) throws Exception {
		MacroBridge.install(context);
		try {
			IJ.runMacro(Files.readString(Paths.get("macros", "detect_current_image.ijm")), "model=face68 output=[" + out + "]");
			assertEquals(List.of(), MacroBridge.failures());
		} finally {
			MacroBridge.uninstall();
		}
		assertSameAsLibrary(libraryFromRoi, Files.readAllLines(out.resolve("astronaut.csv")), "macro CSV");
	}

	@Test
	void commandLine(@TempDir Path out) throws Exception {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		int code = io.github.landmarkj.cli.Main.run(new String[] {"detect", "--input", "samples/astronaut.png", "--boxes",
				"samples/astronaut-boxes.csv", "--output", out.toString(), "--device", "cpu"}, sink,
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
		assertSameAsLibrary(library, Files.readAllLines(out.resolve("astronaut.csv")), "CLI CSV");
	}
}
