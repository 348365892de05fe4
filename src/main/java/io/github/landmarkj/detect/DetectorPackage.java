package io.github.landmarkj.detect;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.landmarkj.core.InputNormalisation;
import io.github.landmarkj.engine.PackageFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A face-detector folder's {@code model.json}: input size and normalisation, architecture, decoding
 * (stride, score threshold, NMS IoU), the weights file with its SHA-256, training information and licence.
 */
public final class DetectorPackage {
	public static final String FILE_NAME = "model.json";
	public static final String FORMAT = "landmarkj-face-detector/1";
	/** The detector bundled in the LandmarkJ jar. */
	public static final String BUNDLED_NAME = "face-detector";
	private static final String RESOURCE_ROOT = "/landmarkj/models/";

	public final String name;
	public final String version;
	public final DetectorConfig config;
	public final InputNormalisation normalisation;
	public final double scoreThreshold;
	public final double nmsIou;
	public final String weightsFile;
	public final String weightsSha256;
	public final String licence;
	private final JsonObject training;

	public DetectorPackage(String name, String version, DetectorConfig config, InputNormalisation normalisation, double scoreThreshold,
			double nmsIou, String weightsFile, String weightsSha256, String licence, JsonObject training) {
		if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
			throw new IllegalArgumentException("The score threshold must be in (0, 1), got " + scoreThreshold);
		}
		this.name = name;
		this.version = version;
		this.config = config;
		this.normalisation = normalisation;
		this.scoreThreshold = scoreThreshold;
		this.nmsIou = nmsIou;
		this.weightsFile = weightsFile;
		this.weightsSha256 = weightsSha256;
		this.licence = licence;
		this.training = training == null ? new JsonObject() : training.deepCopy();
	}

	/** The defaults of a new face detector before training. */
	public static DetectorPackage newFaceDetector(DetectorConfig config) {
		return new DetectorPackage(BUNDLED_NAME, "1.0.0", config, InputNormalisation.imagenet(), 0.3, 0.4, "weights.params", "",
				"Research use only: trained on faces of the iBUG 300-W annotations, whose terms forbid commercial use.", null);
	}

	public JsonObject training() {
		return training.deepCopy();
	}

	public DetectorPackage withWeights(String file, String sha256) {
		return new DetectorPackage(name, version, config, normalisation, scoreThreshold, nmsIou, file, sha256, licence, training);
	}

	public DetectorPackage withTraining(JsonObject info) {
		return new DetectorPackage(name, version, config, normalisation, scoreThreshold, nmsIou, weightsFile, weightsSha256, licence, info);
	}

	public DetectorPackage withName(String newName) {
		return new DetectorPackage(newName, version, config, normalisation, scoreThreshold, nmsIou, weightsFile, weightsSha256, licence,
				training);
	}

	public JsonObject toJson() {
		JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("name", name);
		o.addProperty("version", version);
		JsonObject input = new JsonObject();
		input.addProperty("long_side", config.inputSize);
		input.addProperty("channels", 3);
		input.addProperty("resize", "aspect kept, long side to long_side, sides rounded up to a multiple of 32, padded with grey at right and bottom");
		JsonObject norm = new JsonObject();
		norm.add("mean", PackageFiles.floats(normalisation.mean()));
		norm.add("std", PackageFiles.floats(normalisation.std()));
		norm.addProperty("formula", "(value / 255 - mean) / std, RGB; grey images replicated to 3 channels");
		input.add("normalisation", norm);
		o.add("input", input);
		JsonObject arch = new JsonObject();
		arch.addProperty("type", "centernet-tiny");
		JsonArray widths = new JsonArray();
		for (int w : config.widths()) {
			widths.add(w);
		}
		arch.add("stage_widths", widths);
		arch.addProperty("head_channels", config.headChannels);
		o.add("architecture", arch);
		JsonObject decoding = new JsonObject();
		decoding.addProperty("stride", DetectorConfig.STRIDE);
		decoding.addProperty("outputs", "centre heat map (sigmoid), log(width / stride), log(height / stride), centre offset in cell (sigmoid)");
		decoding.addProperty("peak", "3 x 3 local maximum");
		decoding.addProperty("score_threshold", scoreThreshold);
		decoding.addProperty("nms_iou", nmsIou);
		decoding.addProperty("box", "tight bounding box of the face's 68 landmarks, image pixels, 0-based");
		o.add("decoding", decoding);
		o.add("weights", PackageFiles.weightsRecord(weightsFile, weightsSha256));
		o.add("training", training);
		o.addProperty("licence", licence);
		return o;
	}

	public static DetectorPackage fromJson(JsonObject o) {
		if (!o.has("format") || !FORMAT.equals(o.get("format").getAsString())) {
			throw new IllegalArgumentException("not a face-detector model (format should be " + FORMAT + ")");
		}
		JsonObject input = o.getAsJsonObject("input");
		JsonObject norm = input.getAsJsonObject("normalisation");
		JsonObject arch = o.getAsJsonObject("architecture");
		JsonArray wa = arch.getAsJsonArray("stage_widths");
		int[] widths = new int[wa.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = wa.get(i).getAsInt();
		}
		JsonObject decoding = o.getAsJsonObject("decoding");
		if (decoding.get("stride").getAsInt() != DetectorConfig.STRIDE) {
			throw new IllegalArgumentException("stride " + decoding.get("stride") + " is not supported (only " + DetectorConfig.STRIDE + ")");
		}
		JsonObject w = o.getAsJsonObject("weights");
		return new DetectorPackage(o.get("name").getAsString(), o.get("version").getAsString(),
				new DetectorConfig(input.get("long_side").getAsInt(), widths, arch.get("head_channels").getAsInt()),
				new InputNormalisation(PackageFiles.toFloats(norm.getAsJsonArray("mean")), PackageFiles.toFloats(norm.getAsJsonArray("std"))),
				decoding.get("score_threshold").getAsDouble(), decoding.get("nms_iou").getAsDouble(), w.get("file").getAsString(),
				w.get("sha256").getAsString(), o.get("licence").getAsString(), o.has("training") ? o.getAsJsonObject("training") : null);
	}

	public void write(Path folder) throws IOException {
		Files.createDirectories(folder);
		String json = new GsonBuilder().setPrettyPrinting().create().toJson(toJson()) + "\n";
		Files.write(folder.resolve(FILE_NAME), json.getBytes(StandardCharsets.UTF_8));
	}

	public static DetectorPackage read(Path folder) throws IOException {
		Path file = folder.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			throw new IOException("Not a LandmarkJ face-detector folder: " + folder + " has no " + FILE_NAME);
		}
		return parse(Files.readAllBytes(file), file.toString());
	}

	private static DetectorPackage parse(byte[] json, String origin) throws IOException {
		try {
			return fromJson(JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject());
		} catch (RuntimeException e) {
			throw new IOException("Cannot read the face detector's " + origin + ": " + e.getMessage(), e);
		}
	}

	/** A detector package with its SHA-checked weights, and where it came from. */
	public static final class Located {
		public final DetectorPackage pkg;
		public final String origin;
		private final byte[] weights;

		Located(DetectorPackage pkg, String origin, byte[] weights) {
			this.pkg = pkg;
			this.origin = origin;
			this.weights = weights;
		}

		public InputStream weights() {
			return new ByteArrayInputStream(weights);
		}
	}

	/** The bundled detector by name ({@value #BUNDLED_NAME}) or a detector folder. */
	public static Located locate(String spec) throws IOException {
		if (spec == null || spec.trim().isEmpty()) {
			throw new IOException("No face detector given: use '" + BUNDLED_NAME + "' or a detector folder");
		}
		String s = spec.trim();
		if (s.equals(BUNDLED_NAME)) {
			String base = RESOURCE_ROOT + s + "/";
			DetectorPackage pkg = parse(PackageFiles.resource(base + FILE_NAME), "bundled " + FILE_NAME);
			return checked(pkg, "bundled:" + s, PackageFiles.resource(base + pkg.weightsFile));
		}
		Path folder = Paths.get(s);
		if (!Files.isDirectory(folder)) {
			throw new IOException("Unknown face detector '" + s + "': not '" + BUNDLED_NAME + "' and not a folder with " + FILE_NAME);
		}
		DetectorPackage pkg = read(folder);
		Path weights = folder.resolve(pkg.weightsFile);
		if (!Files.isRegularFile(weights)) {
			throw new IOException("Face detector " + folder + " has no weights file " + pkg.weightsFile);
		}
		return checked(pkg, folder.toAbsolutePath().toString(), Files.readAllBytes(weights));
	}


	private static Located checked(DetectorPackage pkg, String origin, byte[] weights) throws IOException {
		PackageFiles.checkWeights("face detector " + origin, pkg.weightsSha256, weights);
		return new Located(pkg, origin, weights);
	}



}
