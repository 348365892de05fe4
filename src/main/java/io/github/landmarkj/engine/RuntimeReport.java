package io.github.landmarkj.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What LandmarkJ runs on: its version, DJL's and PyTorch's, the device it would use, where PyTorch's
 * native library comes from, and the bundled models with their card figures. Loading the engine can
 * fail (no native library and no network): the report then says so instead of throwing.
 */
public final class RuntimeReport {
	private final List<String> lines;

	private RuntimeReport(List<String> lines) {
		this.lines = Collections.unmodifiableList(lines);
	}

	public static RuntimeReport create() {
		List<String> l = new ArrayList<>();
		Package p = RuntimeReport.class.getPackage();
		l.add("LandmarkJ " + (p.getImplementationVersion() == null ? "(development build)" : p.getImplementationVersion()));
		l.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
				+ System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
				+ Runtime.getRuntime().availableProcessors() + " processors");
		l.add("DJL " + Engine.getDjlVersion() + (Boolean.getBoolean("ai.djl.offline") ? " (offline: nothing is downloaded)" : ""));
		String libPath = System.getenv("PYTORCH_LIBRARY_PATH");
		l.add("PYTORCH_LIBRARY_PATH: " + (libPath == null ? "not set (DJL looks in its cache, then for a pytorch-native jar)" : libPath));
		l.add("DJL engine cache: " + Utils.getEngineCacheDir("pytorch"));
		NativeLibraries.Status natives = NativeLibraries.status();
		l.add("Native library: " + natives.message());
		try {
			Engine engine = Engine.getEngine("PyTorch");
			Device device = Devices.choose(Devices.Preference.AUTO);
			l.add("Engine: " + engine.getEngineName() + " " + engine.getVersion());
			l.add("Device in use: " + Devices.describe(device));
		} catch (RuntimeException | LinkageError | NativeLibraries.MissingNativeLibraryException e) {
			l.add("Engine: NOT AVAILABLE - " + e.getMessage());
			l.add("  PyTorch's native library is missing. Install the LandmarkJ-natives update site, set PYTORCH_LIBRARY_PATH "
					+ "to a libtorch 2.7.1 folder, or allow DJL to download it once (see update-site/README.md).");
		}
		l.add("Bundled models:");
		for (String name : LandmarkKind.INSTANCE.bundledNames()) {
			try {
				ModelPackage<LandmarkSpec> pkg = ModelLocator.locate(name).pkg;
				JsonObject t = pkg.training();
				String nme = t.has("final_validation_nme_io")
						? String.format(Locale.ROOT, "validation NME(io) %.2f%%", 100 * t.get("final_validation_nme_io").getAsDouble())
						: "no validation figure";
				l.add("  " + name + " " + pkg.version() + ": " + pkg.spec().scheme.size() + " points, input " + pkg.spec().net.inputSize
						+ " px, " + nme);
				l.add("    licence: " + pkg.licence());
			} catch (IOException e) {
				l.add("  " + name + ": " + e.getMessage());
			}
		}
		return new RuntimeReport(l);
	}

	/** This report with more lines at the end (e.g. models of other packages). */
	public RuntimeReport with(List<String> more) {
		List<String> l = new ArrayList<>(lines);
		l.addAll(more);
		return new RuntimeReport(l);
	}

	public List<String> lines() {
		return lines;
	}

	public String toText() {
		return String.join("\n", lines) + "\n";
	}
}
