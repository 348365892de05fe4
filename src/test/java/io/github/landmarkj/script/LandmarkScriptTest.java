package io.github.landmarkj.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.engine.DemoPhotoEndToEndTest;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.module.ModuleService;
import org.scijava.script.ScriptInfo;
import org.scijava.script.ScriptModule;

import java.io.File;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the Groovy example that ships in macros/ through SciJava's ScriptService, as Fiji's script editor
 * does (script parameters, the service injected by {@code #@ LandmarkJService lj}), on the demo photo as
 * an ImgLib2 ArrayImg, and checks the points against the ones marked by hand on the photo.
 */
class LandmarkScriptTest {
	private static final File SCRIPT = new File("macros/landmarks_imglib2.groovy");

	private static Context context;

	@BeforeAll
	static void open() {
		context = new Context();
	}

	@AfterAll
	static void close() {
		context.dispose();
	}

	/** A script's module after it ran, and what it printed. */
	private static final class ScriptRun {
		final ScriptModule module;
		final String printed;

		ScriptRun(ScriptModule module, String printed) {
			this.module = module;
			this.printed = printed;
		}
	}

	/** Runs the shipped script; fails on any script error. */
	private static ScriptRun run(Object... inputs) throws Exception {
		return run(new ScriptInfo(context, SCRIPT), inputs);
	}

	private static ScriptRun run(ScriptInfo info, Object... inputs) throws Exception {
		ModuleService modules = context.service(ModuleService.class);
		ScriptModule module = (ScriptModule) modules.createModule(info);
		StringWriter out = new StringWriter(), err = new StringWriter();
		module.setOutputWriter(out);
		module.setErrorWriter(err);
		for (int i = 0; i < inputs.length; i += 2) {
			module.setInput((String) inputs[i], inputs[i + 1]);
		}
		modules.run(module, true).get();
		assertEquals("", err.toString(), "the script failed; it printed:\n" + out);
		return new ScriptRun(module, out.toString());
	}

	/** The box of samples/astronaut-boxes.csv, as the script's text parameter. */
	private static String demoBoxText() throws Exception {
		List<String> rows = Files.readAllLines(Path.of("samples/astronaut-boxes.csv"));
		String row = rows.get(1);
		return row.substring(row.indexOf(',') + 1);
	}

	private static void assertKeyPointsNearTheHandMarkedOnes(FaceLandmarks face) {
		StringBuilder report = new StringBuilder();
		double worst = 0;
		for (int k = 0; k < DemoPhotoEndToEndTest.INDEX.length; k++) {
			int i = DemoPhotoEndToEndTest.INDEX[k];
			double d = new Point2(face.x(i), face.y(i)).distance(new Point2(DemoPhotoEndToEndTest.BY_HAND[k][0], DemoPhotoEndToEndTest.BY_HAND[k][1]));
			worst = Math.max(worst, d);
			report.append(String.format("%s: %.2f px; ", DemoPhotoEndToEndTest.NAME[k], d));
		}
		assertTrue(worst <= 4.0, report.toString());
	}

	@Test
	void theShippedScriptFindsTheDemoFacesPointsOnTheBoxGiven() throws Exception {
		assertEquals("179,88,90,92", demoBoxText(), "the demo box file changed");
		ScriptRun ran = run("image", DemoImgs.astronautChannels(), "face_boxes", demoBoxText(), "model", "face68", "device", "cpu");
		ScriptModule m = ran.module;
		assertTrue(ran.printed.contains("36 right_eye_outer") && ran.printed.contains("HeadPose[pitch="), ran.printed);
		assertTrue(m.getOutput("landmarks") instanceof ImageLandmarks, "the script's output");
		ImageLandmarks found = (ImageLandmarks) m.getOutput("landmarks");
		assertEquals(1, found.faceCount());
		FaceLandmarks face = found.face(0);
		assertEquals(68, face.size());
		FaceBox box = face.box();
		assertArrayEquals(new double[] {179, 88, 90, 92}, new double[] {box.x, box.y, box.width, box.height});
		assertKeyPointsNearTheHandMarkedOnes(face);
		assertEquals("right_eye_outer", face.pointName(36));

		@SuppressWarnings("unchecked")
		Img<? extends RealType<?>> heatmaps = (Img<? extends RealType<?>>) m.getOutput("heatmaps");
		assertArrayEquals(new long[] {512, 512, 69}, heatmaps.dimensionsAsLongArray());
		// The heat map of the right eye's outer corner peaks where that point was decoded: the maps lie over the image.
		long[] peak = argmax(heatmaps, 36);
		assertTrue(Math.hypot(peak[0] - face.x(36), peak[1] - face.y(36)) <= 4, "peak at " + peak[0] + ", " + peak[1]
				+ " for the point at " + face.x(36) + ", " + face.y(36));
		@SuppressWarnings("unchecked")
		Img<? extends RealType<?>> occlusion = (Img<? extends RealType<?>>) m.getOutput("occlusion");
		assertArrayEquals(new long[] {512, 512}, occlusion.dimensionsAsLongArray());
		for (RealType<?> v : occlusion) {
			assertTrue(v.getRealDouble() >= 0 && v.getRealDouble() <= 1, "occlusion " + v);
		}
		RandomAccess<? extends RealType<?>> corner = occlusion.randomAccess();
		corner.setPosition(new long[] {0, 0});
		assertEquals(0, corner.get().getRealDouble(), "outside the face's crop the map is 0");
	}

	@Test
	void withoutBoxesTheScriptLetsTheFaceDetectorFindTheFace() throws Exception {
		ScriptModule m = run("image", DemoImgs.astronautChannels(), "face_boxes", "", "model", "face68", "device", "cpu").module;
		ImageLandmarks found = (ImageLandmarks) m.getOutput("landmarks");
		assertTrue(found.faceCount() >= 1, "the bundled detector finds the demo face");
		FaceLandmarks nearest = found.faces().get(0);
		for (FaceLandmarks f : found.faces()) {
			if (f.box().iou(DemoPhotoEndToEndTest.DEMO_BOX) > nearest.box().iou(DemoPhotoEndToEndTest.DEMO_BOX)) {
				nearest = f;
			}
		}
		assertTrue(nearest.box().iou(DemoPhotoEndToEndTest.DEMO_BOX) > 0.7, "detected " + nearest.box());
		// The detector's box is not the hand-drawn one, so the points differ a little from those on that box:
		// judged as face alignment is, by the mean error over the inter-ocular distance (the bundled model's
		// validation NME is about 4%).
		double[][] hand = DemoPhotoEndToEndTest.BY_HAND;
		double interOcular = Math.hypot(hand[3][0] - hand[0][0], hand[3][1] - hand[0][1]);
		double sum = 0;
		for (int k = 0; k < DemoPhotoEndToEndTest.INDEX.length; k++) {
			int i = DemoPhotoEndToEndTest.INDEX[k];
			sum += Math.hypot(nearest.x(i) - hand[k][0], nearest.y(i) - hand[k][1]);
		}
		double nme = sum / DemoPhotoEndToEndTest.INDEX.length / interOcular;
		assertTrue(nme < 0.05, String.format("mean error %.1f%% of the inter-ocular distance", 100 * nme));
	}

	@Test
	void aMalformedBoxIsAnErrorTheScriptReports() throws Exception {
		ScriptInfo info = new ScriptInfo(context, SCRIPT);
		ModuleService modules = context.service(ModuleService.class);
		ScriptModule module = (ScriptModule) modules.createModule(info);
		StringWriter err = new StringWriter();
		module.setOutputWriter(new StringWriter());
		module.setErrorWriter(err);
		module.setInput("image", DemoImgs.astronautChannels());
		module.setInput("face_boxes", "179,88,90");
		module.setInput("model", "face68");
		module.setInput("device", "cpu");
		modules.run(module, true).get();
		assertTrue(err.toString().contains("A face box is x,y,width,height; got '179,88,90'"), err.toString());
	}

	/** The Groovy example of README.md, as a user copies it. */
	@Test
	void readmeScriptExampleRunsAsWritten() throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		Matcher block = Pattern.compile("```groovy\\n(// detect_landmarks\\.groovy\\n.*?)```", Pattern.DOTALL).matcher(readme);
		assertTrue(block.find(), "README.md has no detect_landmarks.groovy example");
		ScriptModule m = run(new ScriptInfo(context, "detect_landmarks.groovy", new StringReader(block.group(1))), "image",
				DemoImgs.astronautArgb()).module;
		ImageLandmarks found = (ImageLandmarks) m.getOutput("landmarks");
		assertTrue(found.faceCount() >= 1, "the detector finds the demo face");
		Img<?> heatmaps = (Img<?>) m.getOutput("heatmaps");
		assertArrayEquals(new long[] {512, 512, 69}, heatmaps.dimensionsAsLongArray());
	}

	/** (x, y) of the largest value of plane {@code z}. */
	private static long[] argmax(Img<? extends RealType<?>> img, long z) {
		RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		double best = Double.NEGATIVE_INFINITY;
		long[] at = new long[2];
		for (long y = 0; y < img.dimension(1); y++) {
			for (long x = 0; x < img.dimension(0); x++) {
				ra.setPosition(new long[] {x, y, z});
				double v = ra.get().getRealDouble();
				if (v > best) {
					best = v;
					at = new long[] {x, y};
				}
			}
		}
		return at;
	}
}
