package io.github.landmarkj.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.io.ImageFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * The bundled face68 model on the demo photo (samples/astronaut.png, 512x512). The reference points were
 * read off the photo by hand once, at 10-12x zoom, before the model was trained, and are not tuned to
 * its output; they are 0-based pixel coordinates, good to about 1.5 px.
 */
public class DemoPhotoEndToEndTest {
	/** The face box of samples/astronaut-boxes.csv: the tight box of the face's landmarks, by hand. */
	public static final FaceBox DEMO_BOX = new FaceBox(179, 88, 90, 92);

	public static final int[] INDEX = {36, 39, 42, 45, 30, 48, 54};
	public static final String[] NAME = {"right eye outer corner", "right eye inner corner", "left eye inner corner",
			"left eye outer corner", "nose tip", "right mouth corner", "left mouth corner"};
	public static final double[][] BY_HAND = {{192.5, 101.5}, {213, 103}, {236.5, 104}, {258.5, 103}, {224, 128}, {203.5, 140}, {244, 141}};

	private static LandmarkDetector detector;
	private static RgbImage photo;

	@BeforeAll
	static void open() throws Exception {
		detector = LandmarkDetector.open("face68", Device.cpu());
		photo = ImageFiles.read(Path.of("samples/astronaut.png"));
	}

	@AfterAll
	static void close() {
		detector.close();
	}

	@Test
	void keyPointsLieWithinFourPixelsOfTheHandMarkedOnes() {
		List<FaceResult> faces = detector.detect(photo, Collections.singletonList(DEMO_BOX));
		assertEquals(1, faces.size());
		Landmarks l = faces.get(0).landmarks();
		assertEquals(68, l.size());
		StringBuilder report = new StringBuilder();
		double worst = 0;
		for (int k = 0; k < INDEX.length; k++) {
			double d = l.point(INDEX[k]).distance(new Point2(BY_HAND[k][0], BY_HAND[k][1]));
			worst = Math.max(worst, d);
			report.append(String.format("%s: %.2f px; ", NAME[k], d));
		}
		assertTrue(worst <= 4.0, report.toString());
	}

	@Test
	void everyPointLiesInsideTheFaceRegionAndIsConfident() {
		Landmarks l = detector.detect(photo, Collections.singletonList(DEMO_BOX)).get(0).landmarks();
		double margin = 0.15 * DEMO_BOX.width;
		for (int i = 0; i < l.size(); i++) {
			Point2 p = l.point(i);
			assertTrue(p.x > DEMO_BOX.x - margin && p.x < DEMO_BOX.x + DEMO_BOX.width + margin
					&& p.y > DEMO_BOX.y - margin && p.y < DEMO_BOX.y + DEMO_BOX.height + margin, "point " + (i + 1) + " at " + p);
			assertTrue(l.confidence(i) >= 0 && l.confidence(i) <= 1);
		}
		assertTrue(l.meanConfidence() > 0.3, "an unoccluded frontal face should be decoded confidently: " + l.meanConfidence());
		int occluded = 0;
		for (int i = 0; i < l.size(); i++) {
			occluded += l.occluded(i) ? 1 : 0;
		}
		assertTrue(occluded <= 3, "nothing covers this face, yet " + occluded + " points are flagged occluded");
	}

	@Test
	void flipAveragingKeepsThePointsAndIsExactlySymmetric() throws Exception {
		try (LandmarkDetector flip = LandmarkDetector.open("face68", Device.cpu(), TestTimeAugmentation.FLIP)) {
			Landmarks l = flip.detect(photo, Collections.singletonList(DEMO_BOX)).get(0).landmarks();
			for (int k = 0; k < INDEX.length; k++) {
				double d = l.point(INDEX[k]).distance(new Point2(BY_HAND[k][0], BY_HAND[k][1]));
				assertTrue(d <= 4.0, NAME[k] + " " + d + " px from the hand-marked point with flip averaging");
			}
			// The mirrored photo with the mirrored box: without flip the network's left-right bias shows; with
			// flip both runs average the same two crops, so the points are the mirror image of the direct ones.
			int w = photo.width();
			float[] pixels = new float[3 * w * photo.height()];
			for (int c = 0; c < 3; c++) {
				for (int y = 0; y < photo.height(); y++) {
					for (int x = 0; x < w; x++) {
						pixels[(c * photo.height() + y) * w + x] = photo.get(c, w - 1 - x, y);
					}
				}
			}
			RgbImage mirrored = RgbImage.wrap(w, photo.height(), pixels);
			List<FaceBox> mirroredBox = Collections.singletonList(new FaceBox(w - 1 - DEMO_BOX.x - DEMO_BOX.width, DEMO_BOX.y,
					DEMO_BOX.width, DEMO_BOX.height));
			int[] mirror = flip.modelPackage().spec().scheme.mirror();
			Landmarks m = flip.detect(mirrored, mirroredBox).get(0).landmarks();
			Landmarks direct = detector.detect(photo, Collections.singletonList(DEMO_BOX)).get(0).landmarks();
			Landmarks directOfMirrored = detector.detect(mirrored, mirroredBox).get(0).landmarks();
			double worstFlip = 0, worstDirect = 0;
			for (int i = 0; i < 68; i++) {
				Point2 back = new Point2(w - 1 - m.point(mirror[i]).x, m.point(mirror[i]).y);
				worstFlip = Math.max(worstFlip, back.distance(l.point(i)));
				Point2 backDirect = new Point2(w - 1 - directOfMirrored.point(mirror[i]).x, directOfMirrored.point(mirror[i]).y);
				worstDirect = Math.max(worstDirect, backDirect.distance(direct.point(i)));
			}
			assertTrue(worstFlip < 0.01, "with flip averaging, the mirrored photo's points mirrored back are off by up to " + worstFlip + " px");
			assertTrue(worstDirect > 0.1, "without flip the network is not symmetric; worst " + worstDirect + " px");
		}
	}

	@Test
	void aBoxJitteredLikeADetectorsMovesThePointsLittle() {
		Landmarks reference = detector.detect(photo, Collections.singletonList(DEMO_BOX)).get(0).landmarks();
		FaceBox shifted = new FaceBox(DEMO_BOX.x + 5, DEMO_BOX.y - 4, DEMO_BOX.width * 1.06, DEMO_BOX.height * 1.06);
		Landmarks moved = detector.detect(photo, Collections.singletonList(shifted)).get(0).landmarks();
		double sum = 0;
		for (int i = 0; i < 68; i++) {
			sum += reference.point(i).distance(moved.point(i));
		}
		double interOcular = reference.point(36).distance(reference.point(45));
		assertTrue(sum / 68 / interOcular < 0.05, "mean shift " + sum / 68 + " px for a 5-px box shift");
	}
}
