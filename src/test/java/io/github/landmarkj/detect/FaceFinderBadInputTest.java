package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ij.ImagePlus;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.ij.ImagePlusAdapter;
import io.github.landmarkj.io.ImageFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * The bad images of issue 8 each get a clear outcome from the bundled detector with two passes: faces
 * (with finite boxes), or none; never an exception or a box made of NaN.
 */
class FaceFinderBadInputTest {
	private static LandmarkDetector landmarks;
	private static FaceFinder finder;
	private static RgbImage astronaut;

	@BeforeAll
	static void open() throws Exception {
		landmarks = LandmarkDetector.open("face68", Device.cpu());
		finder = DetectorSettings.bundled(0, 0).open(landmarks, Device.cpu());
		astronaut = ImageFiles.read(Paths.get("samples/astronaut.png"));
	}

	@AfterAll
	static void close() {
		finder.close();
		landmarks.close();
	}

	private static void assertFinite(List<FaceBox> boxes) {
		for (FaceBox b : boxes) {
			assertTrue(Double.isFinite(b.x) && Double.isFinite(b.y) && Double.isFinite(b.width) && Double.isFinite(b.height)
					&& Double.isFinite(b.score), "finite box " + b);
		}
	}

	/** The astronaut's face: the box's centre lies inside the face region of the demo photo. */
	private static void assertAstronaut(List<FaceBox> boxes, double scale) {
		assertFinite(boxes);
		assertTrue(boxes.stream().anyMatch(b -> Math.abs(b.centerX() / scale - 223) < 30 && Math.abs(b.centerY() / scale - 130) < 30),
				"the astronaut's face among " + boxes);
	}

	private static float[] greyOf(RgbImage image, float gain) {
		float[] g = new float[image.width() * image.height()];
		for (int y = 0; y < image.height(); y++) {
			for (int x = 0; x < image.width(); x++) {
				g[y * image.width() + x] = gain * (image.get(0, x, y) + image.get(1, x, y) + image.get(2, x, y)) / 3;
			}
		}
		return g;
	}

	@Test
	void tinyAndExtremeImagesGiveNoFace() {
		assertEquals(0, finder.boxes(RgbImage.fromGrey(1, 1, new float[] {128})).size());
		assertEquals(0, finder.boxes(RgbImage.wrap(20000, 3, new float[3 * 20000 * 3])).size());
	}

	@Test
	void aHugeImageIsScaledDownNotRefused() {
		float[] planes = new float[3 * 12000 * 9000];
		Arrays.fill(planes, 200f);
		List<FaceBox> none = finder.boxes(RgbImage.wrap(12000, 9000, planes));
		assertEquals(0, none.size(), "a blank 12000 x 9000 image has no face");
	}

	@Test
	void greyAndSixteenBitImagesStillShowTheFace() {
		RgbImage grey = RgbImage.fromGrey(512, 512, greyOf(astronaut, 1));
		assertAstronaut(finder.boxes(grey), 1);
		ShortProcessor sixteen = new ShortProcessor(512, 512);
		float[] g = greyOf(astronaut, 200);
		for (int i = 0; i < g.length; i++) {
			sixteen.set(i, Math.round(g[i]));
		}
		sixteen.resetMinAndMax();
		assertAstronaut(finder.boxes(ImagePlusAdapter.plane(new ImagePlus("16-bit", sixteen), 1, ImagePlusAdapter.Scaling.DISPLAY_RANGE)), 1);
	}

	@Test
	void notANumberPixelsGiveFiniteFacesOrNone() {
		float[] g = greyOf(astronaut, 1);
		Arrays.fill(g, 0, 512 * 40, Float.NaN); // a band of missing data above the face
		FloatProcessor fp = new FloatProcessor(512, 512, g);
		fp.resetMinAndMax();
		assertAstronaut(finder.boxes(ImagePlusAdapter.plane(new ImagePlus("float", fp), 1, ImagePlusAdapter.Scaling.DISPLAY_RANGE)), 1);
		// Straight from the library, NaN reaches the detector and the first landmark pass: no NaN box comes out.
		assertAstronaut(finder.boxes(RgbImage.fromGrey(512, 512, g)), 1);
		float[] allNaN = new float[64 * 64];
		Arrays.fill(allNaN, Float.NaN);
		assertEquals(0, finder.boxes(RgbImage.fromGrey(64, 64, allNaN)).size());
	}
}
