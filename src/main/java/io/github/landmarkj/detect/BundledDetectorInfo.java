package io.github.landmarkj.detect;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bundled face detector as LandmarkJ Info and the {@code info} verb describe it. */
public final class BundledDetectorInfo {
	private BundledDetectorInfo() {
	}

	public static List<String> lines() {
		List<String> l = new ArrayList<>();
		try {
			DetectorPackage pkg = DetectorPackage.locate(DetectorPackage.BUNDLED_NAME).pkg;
			JsonObject t = pkg.training() == null ? new JsonObject() : pkg.training();
			String figures = t.has("final_validation_recall") && t.has("final_validation_precision")
					? String.format(Locale.ROOT, "validation canvases at score 0.3: recall %.1f%%, precision %.1f%%",
							100 * t.get("final_validation_recall").getAsDouble(), 100 * t.get("final_validation_precision").getAsDouble())
					: "no validation figure";
			l.add("  " + pkg.name + " " + pkg.version + ": face boxes, score threshold " + pkg.scoreThreshold + ", " + figures);
			l.add("    licence: " + pkg.licence);
		} catch (IOException e) {
			l.add("  " + DetectorPackage.BUNDLED_NAME + ": " + e.getMessage());
		}
		return l;
	}
}
