package io.github.landmarkj.detect;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The bundled face detector as LandmarkJ Info and the {@code info} verb describe it. */
public final class BundledDetectorInfo {
	private BundledDetectorInfo() {
	}

	public static List<String> lines() {
		List<String> l = new ArrayList<>();
		try {
			DetectorPackage pkg = DetectorPackage.locate(DetectorPackage.BUNDLED_NAME).pkg;
			JsonObject src = pkg.source();
			String data = src.has("training_data") ? src.get("training_data").getAsString() : "training data not recorded";
			l.add("  " + pkg.name + " " + pkg.version + ": " + DetectorPackage.ARCHITECTURE + " face boxes (" + data + "), score threshold "
					+ pkg.scoreThreshold);
			l.add("    licence: " + pkg.licence);
		} catch (IOException e) {
			l.add("  " + DetectorPackage.BUNDLED_NAME + ": " + e.getMessage());
		}
		return l;
	}
}
