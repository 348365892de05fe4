package io.github.landmarkj.train;

import io.github.landmarkj.core.LoadedFace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticVideoTest {
	/** A dark photo with a bright 3 x 3 blob on each of its "landmarks". */
	private static LoadedFace blobFace() {
		int w = 160, h = 160;
		List<Point2> points = Arrays.asList(new Point2(50, 60), new Point2(110, 60), new Point2(80, 90), new Point2(80, 125));
		float[] p = new float[3 * w * h];
		Arrays.fill(p, 20f);
		for (Point2 q : points) {
			for (int dy = -1; dy <= 1; dy++) {
				for (int dx = -1; dx <= 1; dx++) {
					for (int c = 0; c < 3; c++) {
						p[c * w * h + ((int) q.y + dy) * w + (int) q.x + dx] = 230f;
					}
				}
			}
		}
		return new LoadedFace("blobs", RgbImage.wrap(w, h, p), points);
	}

	@Test
	void trueFramePointsAreThePhotoPointsThroughTheFrameTransform() {
		LoadedFace face = blobFace();
		SyntheticVideo video = SyntheticVideo.random(face, SyntheticVideo.Settings.defaults(), new Random(5));
		for (int t = 0; t < video.settings().frames(); t += 7) {
			List<Point2> truth = video.truth(t);
			for (int i = 0; i < face.points().size(); i++) {
				Point2 expected = video.transformAt(t).apply(face.points().get(i));
				assertEquals(expected.x, truth.get(i).x, 1e-9);
				assertEquals(expected.y, truth.get(i).y, 1e-9);
			}
		}
	}

	@Test
	void renderedBlobsSitOnTheTruePointsInEveryFrameAlsoWhenBlurred() {
		int blurredVideos = 0;
		for (int seed = 0; seed < 6; seed++) {
			SyntheticVideo video = SyntheticVideo.random(blobFace(), SyntheticVideo.Settings.defaults(), new Random(seed))
					.withoutOccluderNoiseOrCompression();
			blurredVideos += video.blurred() ? 1 : 0;
			for (int t = 0; t < video.settings().frames(); t += 5) {
				RgbImage frame = video.frame(t);
				for (Point2 truth : video.truth(t)) {
					Point2 found = brightCentroid(frame, truth, 5);
					assertEquals(truth.x, found.x, 0.6, "seed " + seed + " frame " + t);
					assertEquals(truth.y, found.y, 0.6, "seed " + seed + " frame " + t);
				}
			}
		}
		assertTrue(blurredVideos > 0, "some of the videos are motion-blurred");
	}

	@Test
	void theSameSeedMakesTheSameVideo() {
		SyntheticVideo a = SyntheticVideo.random(blobFace(), SyntheticVideo.Settings.defaults(), new Random(11));
		SyntheticVideo b = SyntheticVideo.random(blobFace(), SyntheticVideo.Settings.defaults(), new Random(11));
		assertEquals(a.truth(17).get(2), b.truth(17).get(2));
		assertTrue(Arrays.equals(a.frame(17).toPlanarArray(), b.frame(17).toPlanarArray()));
	}

	/** Centroid of the green channel above the window's minimum, within +-r pixels of a point. */
	private static Point2 brightCentroid(RgbImage img, Point2 around, int r) {
		int cx = (int) Math.round(around.x), cy = (int) Math.round(around.y);
		double min = Double.POSITIVE_INFINITY;
		for (int y = cy - r; y <= cy + r; y++) {
			for (int x = cx - r; x <= cx + r; x++) {
				min = Math.min(min, img.get(1, x, y));
			}
		}
		double sx = 0, sy = 0, sw = 0;
		for (int y = cy - r; y <= cy + r; y++) {
			for (int x = cx - r; x <= cx + r; x++) {
				double w = img.get(1, x, y) - min;
				sx += w * x;
				sy += w * y;
				sw += w;
			}
		}
		return new Point2(sx / sw, sy / sw);
	}
}
