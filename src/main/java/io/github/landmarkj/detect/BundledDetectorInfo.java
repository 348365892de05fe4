package io.github.landmarkj.detect;

import com.google.gson.JsonObject;
import io.github.landmarkj.engine.ModelLocator;
import io.github.landmarkj.engine.ModelPackage;

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
			ModelPackage<DetectorSpec> pkg = ModelLocator.locate(DetectorKind.BUNDLED_NAME, DetectorKind.INSTANCE).pkg;
			JsonObject src = pkg.info().source();
			String data = src.has("training_data") ? src.get("training_data").getAsString() : "training data not recorded";
			l.add("  " + pkg.name() + " " + pkg.version() + ": " + DetectorSpec.ARCHITECTURE + " face boxes (" + data + "), score threshold "
					+ pkg.spec().scoreThreshold());
			l.add("    licence: " + pkg.licence());
		} catch (IOException e) {
			l.add("  " + DetectorKind.BUNDLED_NAME + ": " + e.getMessage());
		}
		return l;
	}
}
