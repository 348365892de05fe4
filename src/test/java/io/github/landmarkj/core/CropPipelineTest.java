package io.github.landmarkj.core;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The landmark network's pre-processing (crop, normalise, keep the transform) and post-processing (decode, back to image pixels). */
class CropPipelineTest {
	private static final CropRule RULE = new CropRule(32, 1.5);

	@Test
	void cropKeepsItsTransformAndNormalisesTheWarpedPixels() {
		// A horizontal ramp: value = x, so a crop pixel's value says where in the image it came from.
		int w = 200, h = 120;
		float[] grey = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				grey[y * w + x] = x;
			}
		}
		RgbImage image = RgbImage.fromGrey(w, h, grey);
		InputNormalisation norm = new InputNormalisation(new float[] {0.1f, 0.2f, 0.3f}, new float[] {0.5f, 0.5f, 0.25f});
		FaceBox box = new FaceBox(60, 30, 40, 40);
		FaceCrop crop = new FaceCropper(RULE, norm).crop(image, box);
		assertEquals(box, crop.box);
		SimilarityTransform expected = RULE.transformFor(box);
		Point2 centre = new Point2(box.centerX(), box.centerY());
		assertEquals(expected.apply(centre).x, crop.imageToCrop.apply(centre).x, 1e-12);
		float[] input = crop.input();
		assertEquals(3 * 32 * 32, input.length);
		// crop pixel (u, 10) comes from image x = inverse(u); channel c holds (x / 255 - mean) / std
		for (int u : new int[] {0, 10, 31}) {
			double x = crop.imageToCrop.inverse().apply(new Point2(u, 10)).x;
			assertEquals((x / 255 - 0.1) / 0.5, input[10 * 32 + u], 1e-3, "red at " + u);
			assertEquals((x / 255 - 0.3) / 0.25, input[2 * 32 * 32 + 10 * 32 + u], 2e-3, "blue at " + u);
		}
		input[0] = 99;
		assertEquals(crop.input()[0] == 99, false, "the crop is immutable");
	}

	@Test
	void decodedPointsGoBackThroughTheInverseTransform() {
		FaceBox box = new FaceBox(100, 50, 64, 64);
		SimilarityTransform t = RULE.transformFor(box);
		int size = 8, stride = 4;
		float[] maps = new float[size * size];
		maps[3 * size + 5] = 1; // peak at heat-map (5, 3): crop pixel 5 * 4 + 1.5 = 21.5, 3 * 4 + 1.5 = 13.5
		Heatmaps h = new Heatmaps(maps, 1, size, stride, new float[4 * 4], 4, 8);
		FaceCrop crop = new FaceCrop(box, t, new float[3 * 32 * 32]);
		FaceAnalysis a = new CropDecoder(new HeatmapDecoder(3, 0.5)).analyse(2, crop, h);
		Point2 inCrop = new HeatmapDecoder(3, 0.5).decode(h).point(0);
		assertEquals(21.5, inCrop.x, 1e-9);
		assertEquals(13.5, inCrop.y, 1e-9);
		Point2 expected = t.inverse().apply(inCrop);
		assertEquals(expected.x, a.result().landmarks().point(0).x, 1e-9);
		assertEquals(expected.y, a.result().landmarks().point(0).y, 1e-9);
		assertEquals(2, a.result().index());
		assertEquals(box, a.result().box());
		assertEquals(t, a.imageToCrop());
		List<FaceCrop> two = Arrays.asList(crop, crop);
		assertThrows(IllegalArgumentException.class, () -> new CropDecoder(new HeatmapDecoder(3, 0.5)).analyse(two, List.of(h)));
	}
}
