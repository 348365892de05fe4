package io.github.landmarkj.command;

import ij.IJ;
import ij.WindowManager;
import io.github.landmarkj.detect.DetectorKind;
import org.scijava.command.CommandModule;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import io.github.landmarkj.engine.LandmarkKind;
import io.github.landmarkj.engine.ModelPackage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the macros of macros/ in ImageJ 1.x's interpreter, their run("...") calls reaching the SciJava
 * commands through {@link MacroBridge}, so that the command strings shown to users keep working.
 */
class MacroTest {
	@TempDir
	static Path modelDir;
	@TempDir
	Path work;

	private static Context context;
	private static String model;

	@BeforeAll
	static void setUp() throws Exception {
		context = new Context();
		model = TestModels.untrained(modelDir).toString();
		MacroBridge.install(context);
	}

	@AfterAll
	static void tearDown() throws Exception {
		MacroBridge.uninstall();
		context.dispose();
	}

	private static List<String> runMacro(String file, String args) throws Exception {
		String text = Files.readString(Paths.get("macros", file));
		int before = MacroBridge.runs().size();
		IJ.runMacro(text, args);
		assertEquals(List.of(), MacroBridge.failures(), file);
		assertEquals(runCalls(text), MacroBridge.runs().size() - before, "every run(...) of " + file + " reached a command");
		return MacroBridge.failures();
	}

	private static int runCalls(String text) {
		Matcher m = Pattern.compile("(?m)^\\s*run\\(").matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	/** The macro key confirm_faces reaches the detector settings of the detecting commands; without it faces are not confirmed. */
	@Test
	void confirmFacesReachesTheDetectorSettingsFromAMacro() throws Exception {
		IJ.openImage(TestImages.demoPhoto().toString()).show();
		Path in = Files.createDirectories(work.resolve("empty")), out = work.resolve("out");
		int before = MacroBridge.runs().size();
		IJ.runMacro("run(\"Detect Landmarks\", \"regions=[Whole image] model=[" + model + "] planes=[Current plane] device=cpu show_results=false add_overlay=false "
				+ "confirm_faces=true\");\n"
				+ "run(\"Detect Landmarks\", \"regions=[Whole image] model=[" + model + "] planes=[Current plane] device=cpu show_results=false add_overlay=false\");\n"
				+ "run(\"Detect Landmarks in Folder\", \"input_folder=[" + in + "] output_folder=[" + out + "] file_pattern=*.png threads=1 model=[" + model
				+ "] device=cpu confirm_faces=true\");\n");
		WindowManager.getCurrentImage().close();
		assertEquals(List.of(), MacroBridge.failures());
		List<CommandModule> runs = MacroBridge.runs().subList(before, MacroBridge.runs().size());
		assertEquals(3, runs.size());
		assertEquals(DetectorKind.CONFIRMING_NAME, ((DetectLandmarksCommand) runs.get(0).getCommand()).detection().confirmingDetector);
		assertFalse(((DetectLandmarksCommand) runs.get(1).getCommand()).detection().confirmsFaces(), "off unless asked");
		assertEquals(DetectorKind.CONFIRMING_NAME, ((DetectLandmarksInFolderCommand) runs.get(2).getCommand()).detection().confirmingDetector);
	}

	/** Every command that finds faces offers the option under the same key, off by default. */
	@Test
	void everyDetectingCommandHasTheSameConfirmFacesKey() {
		for (Class<? extends org.scijava.command.Command> c : List.of(DetectLandmarksCommand.class, DetectLandmarksInFolderCommand.class,
				TrackLandmarksCommand.class)) {
			org.scijava.module.ModuleItem<?> item = context.service(org.scijava.command.CommandService.class).getCommand(c).getInput("confirm_faces");
			assertTrue(item != null && item.getType() == boolean.class, c.getSimpleName() + " has no boolean confirm_faces");
			assertTrue(item.getLabel().contains("0.1 s"), item.getLabel());
		}
	}

	/** The macro example of README.md, as a user copies it (bundled model, the demo box). */
	@Test
	void readmeMacroExampleRunsAsWritten() throws Exception {
		String readme = Files.readString(Paths.get("README.md"));
		Matcher block = Pattern.compile("```\\n(// detect_current_image\\.ijm\\n.*?)```", Pattern.DOTALL).matcher(readme);
		assertTrue(block.find(), "README.md has no detect_current_image.ijm example");
		String text = block.group(1);
		assertTrue(text.contains("run(\"Detect Landmarks\""), text);
		ResultsTable.getResultsTable().reset();
		int before = MacroBridge.runs().size();
		IJ.runMacro(text);
		assertEquals(List.of(), MacroBridge.failures(), "README example");
		assertEquals(runCalls(text), MacroBridge.runs().size() - before, "every run(...) of the README example reached a command");
		assertEquals(68, ResultsTable.getResultsTable().size());
	}

	@Test
	void detectCurrentImage() throws Exception {
		ResultsTable.getResultsTable().reset();
		runMacro("detect_current_image.ijm", "model=[" + model + "] output=[" + work + "]");
		assertEquals(68, ResultsTable.getResultsTable().size());
		assertEquals(1 + 68, Files.readAllLines(work.resolve("astronaut.csv")).size());
		assertTrue(Files.isRegularFile(work.resolve("astronaut.pts")));
		assertTrue(Files.isRegularFile(work.resolve("astronaut.json")));
		// The box drawn by the macro is the region used: every point lies near it.
		ResultsTable rt = ResultsTable.getResultsTable();
		for (int i = 0; i < rt.size(); i++) {
			assertTrue(rt.getValue("x", i) > 170 - 150 && rt.getValue("x", i) < 276 + 150, "x of point " + (i + 1));
		}
	}

	@Test
	void detectFolder() throws Exception {
		Path in = Files.createDirectories(work.resolve("in"));
		Files.copy(TestImages.demoPhoto(), in.resolve("one.png"));
		Files.copy(TestImages.demoPhoto(), in.resolve("two.jpg"));
		Files.write(in.resolve("three.tif"), new byte[] {1, 2, 3});
		Path out = work.resolve("out");
		runMacro("detect_folder.ijm", "input=[" + in + "] output=[" + out + "] model=[" + model + "] threads=2");
		assertTrue(Files.isRegularFile(out.resolve("one.csv")));
		assertTrue(Files.isRegularFile(out.resolve("two_annotated.png")));
		assertTrue(Files.readString(out.resolve("errors.csv")).contains("three.tif"));
	}

	/** The bundled networks on a short synthetic clip (the demo face sliding over grey), as an AVI and as a folder of frames. */
	@Test
	void trackVideo() throws Exception {
		io.github.landmarkj.video.MovingFace clip = new io.github.landmarkj.video.MovingFace();
		Path frames = Files.createDirectories(work.resolve("clip"));
		clip.writePngs(frames, 6);
		Path out = work.resolve("track-out");
		ResultsTable.getResultsTable().reset();
		runMacro("track_video.ijm", "input=[" + frames + "] output=[" + out + "] temporal=none");
		ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals(6, rt.size(), "one row per frame for the one face");
		for (int f = 0; f < 6; f++) {
			assertEquals(f + 1, rt.getValue("frame", f));
			assertEquals(1, rt.getValue("face_id", f));
			assertEquals(1, rt.getValue("success", f));
			// Right eye outer corner (point 36, 0-based) where the clip put it, within 5 px.
			assertEquals(io.github.landmarkj.video.MovingFace.expected(0, f).x, rt.getValue("x_36", f), 5.0);
			assertEquals(io.github.landmarkj.video.MovingFace.expected(0, f).y, rt.getValue("y_36", f), 5.0);
		}
		assertEquals(1 + 6, Files.readAllLines(out.resolve("clip.csv")).size());
	}

	@Test
	void trainFromRoiManager() throws Exception {
		InMemorySession session = context.service(InMemorySession.class);
		ImagePlus imp = TestImages.astronaut();
		session.open(imp);
		for (int k = 0; k < 3; k++) {
			session.rois().add(TrainLandmarkModelCommandTest.annotation(TestImages.ellipse68(k, -k), imp));
		}
		Path out = work.resolve("my model");
		runMacro("train_from_roi_manager.ijm", "output=[" + out + "] init=[" + model + "] epochs=1 validation=0");
		assertEquals("my model", ModelPackage.read(out, LandmarkKind.INSTANCE).name());
		assertEquals(3, ModelPackage.read(out, LandmarkKind.INSTANCE).training().get("training_faces").getAsInt());
	}
}
