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
 * command, the macro of macros/ and the command line (to the 3 decimals of the files).
 */
class SameLandmarksEverywhereTest {
	private static final FaceBox DEMO_BOX = new FaceBox(179, 88, 90, 92);
	private static Context context;
	private static Landmarks library;

	@BeforeAll
	static void setUp() throws Exception {
		context = new Context();
		try (LandmarkDetector detector = LandmarkDetector.open("face68", Device.cpu())) {
			library = detector.detect(ImageFiles.read(Paths.get("samples/astronaut.png")), Collections.singletonList(DEMO_BOX))
					.get(0).landmarks;
		}
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private static void assertSameAsLibrary(List<String> csv, String surface) {
		assertEquals(69, csv.size(), surface);
		for (int i = 0; i < 68; i++) {
			String[] f = csv.get(i + 1).split(",");
			assertEquals(library.point(i).x, Double.parseDouble(f[4]), 1.5e-3, surface + " x of point " + (i + 1));
			assertEquals(library.point(i).y, Double.parseDouble(f[5]), 1.5e-3, surface + " y of point " + (i + 1));
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
			assertEquals(library.point(i).x, rt.getValue("x", i), 1e-3, "Results x of point " + (i + 1));
			assertEquals(library.point(i).y, rt.getValue("y", i), 1e-3, "Results y of point " + (i + 1));
		}
		assertSameAsLibrary(Files.readAllLines(out.resolve("astronaut.csv")), "command CSV");
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
		assertSameAsLibrary(Files.readAllLines(out.resolve("astronaut.csv")), "macro CSV");
	}

	@Test
	void commandLine(@TempDir Path out) throws Exception {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		int code = io.github.landmarkj.cli.Main.run(new String[] {"detect", "--input", "samples/astronaut.png", "--boxes",
				"samples/astronaut-boxes.csv", "--output", out.toString(), "--device", "cpu"}, sink,
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
		assertSameAsLibrary(Files.readAllLines(out.resolve("astronaut.csv")), "CLI CSV");
	}
}
