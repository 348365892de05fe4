package io.github.landmarkj.detect;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.landmarkj.engine.JsonSection;
import io.github.landmarkj.engine.ModelFormatException;
import io.github.landmarkj.engine.ModelKind;
import io.github.landmarkj.engine.PackageFiles;
import io.github.landmarkj.net.UltraLightRfbNet;

import java.util.Arrays;
import java.util.List;

/**
 * Face detectors ({@code "kind": "face-detector"}): the section holds {@code input} (long and short side,
 * normalisation), {@code architecture} and {@code decoding} (prior strides and sides, box variances,
 * score threshold, NMS IoU, and optionally {@code tight_box}: the {@link TightBoxMapping} from its boxes to
 * landmark boxes, and {@code confirmation}: the {@link ConfirmationRule} by which it confirms another finder's faces). The one architecture is the published Ultra-Light RFB network
 * ({@link UltraLightRfbNet}).
 */
public final class DetectorKind extends ModelKind<DetectorSpec> {
	/** The detector bundled in the LandmarkJ jar. */
	public static final String BUNDLED_NAME = "face-detector";
	/**
	 * The bundled second opinion for {@link DetectorSettings#withFacesConfirmed}: the published RFB-640 weights, with
	 * a {@link ConfirmationRule} in {@code decoding.confirmation}.
	 */
	public static final String CONFIRMING_NAME = "face-detector-640";
	public static final DetectorKind INSTANCE = new DetectorKind();
	private static final String CONFIRMATION_MEANING = "as a second opinion (confirm faces), this detector runs on the whole image at its input "
			+ "size (never larger than the image unless enlarge) and confirms a found face box when one of its boxes, mapped by tight_box, "
			+ "overlaps it at IoU >= min_iou and scores >= min_score";

	private DetectorKind() {
		super("face-detector", BUNDLED_NAME, CONFIRMING_NAME);
	}

	@Override
	public DetectorSpec read(JsonSection o) throws ModelFormatException {
		String architecture = o.string("architecture");
		if (!DetectorSpec.ARCHITECTURE.equals(architecture)) {
			throw new ModelFormatException("face-detector.architecture '" + architecture + "' is not one this LandmarkJ runs (only "
					+ DetectorSpec.ARCHITECTURE + ")");
		}
		JsonSection input = o.section("input");
		JsonSection decoding = o.section("decoding");
		List<JsonSection> maps = decoding.sections("priors");
		int[] strides = new int[maps.size()];
		int[][] sides = new int[maps.size()][];
		for (int m = 0; m < strides.length; m++) {
			strides[m] = maps.get(m).integer("stride");
			sides[m] = maps.get(m).integers("sides");
		}
		PriorSpec priors;
		try {
			priors = new PriorSpec(strides, sides, decoding.number("centre_variance"), decoding.number("size_variance"));
		} catch (IllegalArgumentException e) {
			throw new ModelFormatException("face-detector.decoding: " + e.getMessage());
		}
		if (!Arrays.equals(priors.strides(), UltraLightRfbNet.STRIDES) || !Arrays.equals(priors.priorsPerCell(), UltraLightRfbNet.PRIORS_PER_CELL)) {
			throw new ModelFormatException("face-detector.decoding: the priors do not fit the network's maps (strides "
					+ Arrays.toString(UltraLightRfbNet.STRIDES) + " with " + Arrays.toString(UltraLightRfbNet.PRIORS_PER_CELL) + " priors per cell)");
		}
		TightBoxMapping tightBox = null;
		try {
			if (decoding.has("tight_box")) {
				JsonSection t = decoding.section("tight_box");
				tightBox = new TightBoxMapping(t.number("centre_shift_x"), t.number("centre_shift_y"), t.number("side_per_width"));
			}
			ConfirmationRule confirmation = null;
			if (decoding.has("confirmation")) {
				JsonSection c = decoding.section("confirmation");
				confirmation = new ConfirmationRule(c.number("min_iou"), c.number("min_score"), c.bool("enlarge"));
			}
			return new DetectorSpec(input.integer("long_side"), input.integer("short_side"), PackageFiles.normalisation(input.section("normalisation")),
					priors, decoding.number("score_threshold"), decoding.number("nms_iou"), tightBox, confirmation);
		} catch (IllegalArgumentException e) {
			throw new ModelFormatException("face-detector: " + e.getMessage());
		}
	}

	@Override
	public JsonObject write(DetectorSpec spec) {
		JsonObject o = new JsonObject();
		JsonObject input = new JsonObject();
		input.addProperty("long_side", spec.inputLongSide());
		input.addProperty("short_side", spec.inputShortSide());
		input.addProperty("channels", 3);
		input.addProperty("resize", "aspect kept, to fit long_side x short_side (landscape) or short_side x long_side (portrait); "
				+ "larger when a minimum face size asks for it");
		input.add("normalisation", PackageFiles.normalisation(spec.normalisation()));
		o.add("input", input);
		o.addProperty("architecture", DetectorSpec.ARCHITECTURE);
		JsonObject decoding = new JsonObject();
		JsonArray maps = new JsonArray();
		for (int m = 0; m < spec.priors().maps(); m++) {
			JsonObject map = new JsonObject();
			map.addProperty("stride", spec.priors().stride(m));
			JsonArray sides = new JsonArray();
			for (int v : spec.priors().sides(m)) {
				sides.add(v);
			}
			map.add("sides", sides);
			maps.add(map);
		}
		decoding.add("priors", maps);
		decoding.addProperty("centre_variance", spec.priors().centreVariance);
		decoding.addProperty("size_variance", spec.priors().sizeVariance);
		decoding.addProperty("score", "softmax over (background, face)");
		decoding.addProperty("score_threshold", spec.scoreThreshold());
		decoding.addProperty("nms_iou", spec.nmsIou());
		decoding.addProperty("box", "WIDER FACE style face box (forehead to chin), image pixels; tight_box maps it to the landmark box, "
				+ "which landmark passes then refine");
		if (spec.tightBox() != null) {
			JsonObject t = new JsonObject();
			t.addProperty("centre_shift_x", spec.tightBox().centreShiftX());
			t.addProperty("centre_shift_y", spec.tightBox().centreShiftY());
			t.addProperty("side_per_width", spec.tightBox().sidePerWidth());
			t.addProperty("meaning", "landmark box: a square of side side_per_width x the detector box's width, centred at the detector box's "
					+ "centre moved by centre_shift_x widths and centre_shift_y heights");
			decoding.add("tight_box", t);
		}
		if (spec.confirmation() != null) {
			JsonObject c = new JsonObject();
			c.addProperty("min_iou", spec.confirmation().minIou());
			c.addProperty("min_score", spec.confirmation().minScore());
			c.addProperty("enlarge", spec.confirmation().enlarge());
			c.addProperty("meaning", CONFIRMATION_MEANING);
			decoding.add("confirmation", c);
		}
		o.add("decoding", decoding);
		return o;
	}
}
