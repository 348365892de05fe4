package io.github.landmarkj.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.detect.DetectorModel;
import io.github.landmarkj.detect.PriorBoxes;
import io.github.landmarkj.detect.PriorSpec;
import io.github.landmarkj.detect.SsdDecoder;
import io.github.landmarkj.detect.SsdOutput;
import io.github.landmarkj.io.ImageFiles;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The Java network with the bundled converted weights reproduces the published network: raw scores and
 * box regressions, and the published post-processing's detections, for a 320 x 240 crop of the demo
 * photo, as scripts/convert_ultra_light_face_detector.py computed them with PyTorch from the original
 * .pth weights (batch norms not folded). The same for the bundled RFB-640 weights (models/face-detector-640, the
 * second opinion of "confirm faces"), whose fixture {@code scripts/convert-ultra-light-face-detector.sh SOURCE 640}
 * writes beside the 320 one.
 */
class UltraLightRfbNetTest {
	private static final double TOLERANCE = 1e-3;

	@Test
	void reproducesThePublishedNetworksOutputs() throws Exception {
		JsonObject ref = fixture("ultra-light-rfb320-reference.json");
		assertTrue(ref.get("source").getAsString().contains("version-RFB-320.pth"), ref.get("source").getAsString());
		SsdOutput out = checkAgainst(ref, Paths.get("models/face-detector/weights.params"));
		assertEquals(4420, out.priors(), "40x30x3 + 20x15x2 + 10x8x2 + 5x4x3 priors at 320 x 240");
	}

	@Test
	void reproducesThePublished640Weights() throws Exception {
		JsonObject ref = fixture("ultra-light-rfb640-reference.json");
		assertTrue(ref.get("source").getAsString().contains("version-RFB-640.pth"), ref.get("source").getAsString());
		checkAgainst(ref, Paths.get("models/face-detector-640/weights.params"));
	}

	private JsonObject fixture(String name) throws Exception {
		try (InputStream in = getClass().getResourceAsStream(name)) {
			return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
		}
	}

	/** Runs the network with {@code weightsFile} on the fixture's crop and checks its outputs and detections against {@code ref}. */
	private static SsdOutput checkAgainst(JsonObject ref, Path weightsFile) throws Exception {
		JsonObject crop = ref.getAsJsonObject("crop");
		int x0 = crop.get("x").getAsInt(), y0 = crop.get("y").getAsInt(), w = crop.get("width").getAsInt(), h = crop.get("height").getAsInt();
		RgbImage image = ImageFiles.read(Paths.get("samples/astronaut.png"));
		float[] input = new float[3 * w * h];
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					input[(c * h + y) * w + x] = (image.get(c, x0 + x, y0 + y) - 127f) / 128f;
				}
			}
		}
		SsdOutput out;
		try (DetectorModel model = DetectorModel.create(Device.cpu())) {
			try (InputStream weights = Files.newInputStream(weightsFile)) {
				model.loadWeights(weights, "bundled");
			}
			out = model.predict(input, w, h);
		}
		assertEquals(ref.get("priors").getAsInt(), out.priors());
		double worst = 0;
		for (JsonElement e : ref.getAsJsonArray("outputs")) {
			JsonObject o = e.getAsJsonObject();
			int i = o.get("prior").getAsInt();
			worst = Math.max(worst, Math.abs(out.faceProbability(i) - o.getAsJsonArray("scores").get(1).getAsDouble()));
			for (int k = 0; k < 4; k++) {
				worst = Math.max(worst, Math.abs(out.regression(i, k) - o.getAsJsonArray("regression").get(k).getAsDouble()));
			}
		}
		assertTrue(worst < TOLERANCE, "largest difference from the reference " + worst);

		JsonObject post = ref.getAsJsonObject("published_postprocessing");
		List<FaceBox> found = new SsdDecoder(PriorSpec.ultraLight(), post.get("nms_iou").getAsDouble())
				.decode(out, PriorBoxes.of(PriorSpec.ultraLight(), w, h), post.get("score_threshold").getAsDouble());
		assertEquals(post.getAsJsonArray("detections").size(), found.size());
		for (int d = 0; d < found.size(); d++) {
			JsonObject r = post.getAsJsonArray("detections").get(d).getAsJsonObject();
			FaceBox b = found.get(d);
			double[] corners = {b.x, b.y, b.x + b.width, b.y + b.height};
			for (int k = 0; k < 4; k++) {
				assertEquals(r.getAsJsonArray("box_x1y1x2y2").get(k).getAsDouble(), corners[k], 0.05, "box corner " + k + " in input pixels");
			}
			assertEquals(r.get("score").getAsDouble(), b.score, TOLERANCE);
		}
		return out;
	}
}
