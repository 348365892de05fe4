package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.LoadedFace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Synthetic crops whose "face" is a white square exactly on the landmark box on a black crop: wherever a
 * sample says a face is, the canvas must be white, and outside the boxes it must be dark.
 */
class DetectorSamplesTest {
	private static LoadedFace whiteFace(int crop, int x0, int y0, int side) {
		float[] grey = new float[crop * crop];
		List<Point2> points = new ArrayList<>();
		for (int y = y0; y <= y0 + side; y++) {
			for (int x = x0; x <= x0 + side; x++) {
				grey[y * crop + x] = 255;
			}
		}
		// Landmarks on the white square's outline: their tight box is the square.
		for (int k = 0; k <= 16; k++) {
			points.add(new Point2(x0 + side * k / 16.0, y0));
			points.add(new Point2(x0 + side * k / 16.0, y0 + side));
			points.add(new Point2(x0, y0 + side * k / 16.0));
			points.add(new Point2(x0 + side, y0 + side * k / 16.0));
		}
		return new LoadedFace("white", RgbImage.fromGrey(crop, crop, grey), points);
	}

	@Test
	void boxesAreWhereTheFacesWerePasted() {
		List<LoadedFace> faces = Arrays.asList(whiteFace(200, 50, 50, 100), whiteFace(160, 30, 50, 60));
		DetectorSamples samples = new DetectorSamples(faces, null, 18, 0.6);
		int faceCount = 0;
		for (int seed = 0; seed < 20; seed++) {
			DetectorSample s = samples.make(128, new Random(seed));
			assertFalse(s.boxes.isEmpty(), "every canvas holds at least one face");
			float[] p = s.pixels();
			int n = s.size * s.size;
			for (FaceBox b : s.boxes) {
				faceCount++;
				// The inner 80% of each box is white (bilinear edges aside).
				for (int y = (int) Math.ceil(b.y + 0.1 * b.height); y < b.y + 0.9 * b.height; y++) {
					for (int x = (int) Math.ceil(b.x + 0.1 * b.width); x < b.x + 0.9 * b.width; x++) {
						assertTrue(p[n + y * s.size + x] > 200, "white inside " + b + " at " + x + "," + y + " seed " + seed);
					}
				}
			}
			// Two pixels or more away from every box, the canvas is dark.
			for (int y = 0; y < s.size; y++) {
				for (int x = 0; x < s.size; x++) {
					if (!nearAny(s.boxes, x, y, 2)) {
						assertTrue(p[n + y * s.size + x] < 60, "dark outside the boxes at " + x + "," + y + " seed " + seed);
					}
				}
			}
		}
		assertTrue(faceCount > 20, "canvases hold several faces on average, got " + faceCount + " in 20");
	}

	@Test
	void onlyTheRingAroundAPastedFaceIsIgnored() {
		DetectorSamples samples = new DetectorSamples(Arrays.asList(whiteFace(200, 50, 50, 100)), null, 18, 0.6);
		DetectorSample s = samples.make(256, new Random(3));
		float[] w = s.negativeWeight();
		int g = 256 / DetectorConfig.STRIDE;
		for (FaceBox b : s.boxes) {
			int i = (int) (b.centerX() / DetectorConfig.STRIDE), j = (int) (b.centerY() / DetectorConfig.STRIDE);
			assertEquals(1f, w[j * g + i], "the face itself is a trusted region");
		}
		int ignored = 0;
		for (float v : w) {
			ignored += v == 0 ? 1 : 0;
		}
		assertTrue(ignored < g * g / 2, "most of the canvas stays a negative, ignored cells: " + ignored);
	}

	private static boolean nearAny(List<FaceBox> boxes, int x, int y, double d) {
		for (FaceBox b : boxes) {
			if (x >= b.x - d && y >= b.y - d && x <= b.x + b.width + d && y <= b.y + b.height + d) {
				return true;
			}
		}
		return false;
	}
}
