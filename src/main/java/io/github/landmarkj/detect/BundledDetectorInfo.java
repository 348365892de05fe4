package io.github.landmarkj.detect;

import com.google.gson.JsonObject;
import io.github.landmarkj.engine.ModelLocator;
import io.github.landmarkj.engine.ModelPackage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The bundled face detectors as LandmarkJ Info and the {@code info} verb describe it. */
public final class BundledDetectorInfo {
	private BundledDetectorInfo() {
	}

	public static List<String> lines() {
		List<String> l = new ArrayList<>();
		for (String name : DetectorKind.INSTANCE.bundledNames()) {
			try {
				ModelPackage<DetectorSpec> pkg = ModelLocator.locate(name, DetectorKind.INSTANCE).pkg;
				JsonObject src = pkg.info().source();
				String data = src.has("training_data") ? src.get("training_data").getAsString() : "training data not recorded";
				ConfirmationRule rule = pkg.spec().confirmation();
				l.add("  " + pkg.name() + " " + pkg.version() + ": " + DetectorSpec.ARCHITECTURE + " face boxes (" + data + "), "
						+ (rule == null ? "score threshold " + pkg.spec().scoreThreshold()
								: "confirms faces when asked (IoU >= " + rule.minIou() + ", score >= " + rule.minScore() + ")"));
				l.add("    licence: " + pkg.licence());
			} catch (IOException e) {
				l.add("  " + name + ": " + e.getMessage());
			}
		}
		return l;
	}
}
