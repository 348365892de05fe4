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
 * A face-detector folder's {@code model.json}: input size and normalisation, architecture, priors and box
 * decoding (variances, score threshold, NMS IoU), the weights file with its SHA-256, where the weights
 * come from (source, training data) and their licence.
 */
public final class DetectorPackage {
	public static final String FILE_NAME = "model.json";
	public static final String FORMAT = "landmarkj-face-detector/2";
	public static final String ARCHITECTURE = "ultra-light-rfb";
	/** The detector bundled in the LandmarkJ jar. */
	public static final String BUNDLED_NAME = "face-detector";
	private static final String RESOURCE_ROOT = "/landmarkj/models/";

	public final String name;
	public final String version;
	/** The input's long and short side at the model's own size (320 x 240). */
	public final int inputLongSide;
	public final int inputShortSide;
	public final InputNormalisation normalisation;
	public final PriorSpec priors;
	public final double scoreThreshold;
	public final double nmsIou;
	public final String weightsFile;
	public final String weightsSha256;
	public final String licence;
	private final JsonObject source;

	public DetectorPackage(String name, String version, int inputLongSide, int inputShortSide, InputNormalisation normalisation,
			PriorSpec priors, double scoreThreshold, double nmsIou, String weightsFile, String weightsSha256, String licence,
			JsonObject source) {
		if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
			throw new IllegalArgumentException("The score threshold must be in (0, 1), got " + scoreThreshold);
		}
		if (inputLongSide <= 0 || inputShortSide <= 0 || inputShortSide > inputLongSide) {
			throw new IllegalArgumentException("The input needs a long side at least as long as its positive short side");
		}
		this.name = name;
		this.version = version;
		this.inputLongSide = inputLongSide;
		this.inputShortSide = inputShortSide;
		this.normalisation = normalisation;
		this.priors = priors;
		this.scoreThreshold = scoreThreshold;
		this.nmsIou = nmsIou;
		this.weightsFile = weightsFile;
		this.weightsSha256 = weightsSha256;
		this.licence = licence;
		this.source = source == null ? new JsonObject() : source.deepCopy();
	}

	/** Where the weights come from: URL, commit, files, training data. */
	public JsonObject source() {
		return source.deepCopy();
	}

	public DetectorPackage withWeights(String file, String sha256) {
		return new DetectorPackage(name, version, inputLongSide, inputShortSide, normalisation, priors, scoreThreshold, nmsIou, file,
				sha256, licence, source);
	}

	public JsonObject toJson() {
		JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("name", name);
		o.addProperty("version", version);
		JsonObject input = new JsonObject();
		input.addProperty("long_side", inputLongSide);
		input.addProperty("short_side", inputShortSide);
		input.addProperty("channels", 3);
		input.addProperty("resize", "aspect kept, to fit long_side x short_side (landscape) or short_side x long_side (portrait); "
				+ "larger when a minimum face size asks for it");
		JsonObject norm = new JsonObject();
		norm.add("mean", PackageFiles.floats(normalisation.mean()));
		norm.add("std", PackageFiles.floats(normalisation.std()));
		norm.addProperty("formula", "(value / 255 - mean) / std, RGB, i.e. (value - 127) / 128; grey images replicated to 3 channels");
		input.add("normalisation", norm);
		o.add("input", input);
		o.addProperty("architecture", ARCHITECTURE);
		JsonObject decoding = new JsonObject();
		JsonArray strides = new JsonArray();
		JsonArray sides = new JsonArray();
		for (int m = 0; m < priors.maps(); m++) {
			strides.add(priors.stride(m));
			JsonArray s = new JsonArray();
			for (int v : priors.sides(m)) {
				s.add(v);
			}
			sides.add(s);
		}
		decoding.add("prior_strides", strides);
		decoding.add("prior_sides", sides);
		decoding.addProperty("centre_variance", priors.centreVariance);
		decoding.addProperty("size_variance", priors.sizeVariance);
		decoding.addProperty("score", "softmax over (background, face)");
		decoding.addProperty("score_threshold", scoreThreshold);
		decoding.addProperty("nms_iou", nmsIou);
		decoding.addProperty("box", "WIDER FACE style face box (forehead to chin), image pixels; a first landmark pass turns it into the tight landmark box");
		o.add("decoding", decoding);
		o.add("weights", PackageFiles.weightsRecord(weightsFile, weightsSha256));
		o.add("source", source);
		o.addProperty("licence", licence);
		return o;
	}

	public static DetectorPackage fromJson(JsonObject o) {
		if (!o.has("format") || !FORMAT.equals(o.get("format").getAsString())) {
			throw new IllegalArgumentException("not a face-detector model of this LandmarkJ (format should be " + FORMAT + ")");
		}
		if (!ARCHITECTURE.equals(o.get("architecture").getAsString())) {
			throw new IllegalArgumentException("architecture " + o.get("architecture") + " is not supported (only " + ARCHITECTURE + ")");
		}
		JsonObject input = o.getAsJsonObject("input");
		JsonObject norm = input.getAsJsonObject("normalisation");
		JsonObject decoding = o.getAsJsonObject("decoding");
		JsonArray st = decoding.getAsJsonArray("prior_strides");
		JsonArray si = decoding.getAsJsonArray("prior_sides");
		int[] strides = new int[st.size()];
		int[][] sides = new int[si.size()][];
		for (int m = 0; m < strides.length; m++) {
			strides[m] = st.get(m).getAsInt();
		}
		for (int m = 0; m < sides.length; m++) {
			JsonArray a = si.get(m).getAsJsonArray();
			sides[m] = new int[a.size()];
			for (int k = 0; k < a.size(); k++) {
				sides[m][k] = a.get(k).getAsInt();
			}
		}
		PriorSpec priors = new PriorSpec(strides, sides, decoding.get("centre_variance").getAsDouble(),
				decoding.get("size_variance").getAsDouble());
		if (!java.util.Arrays.equals(priors.strides(), io.github.landmarkj.net.UltraLightRfbNet.STRIDES)
				|| !java.util.Arrays.equals(priors.priorsPerCell(), io.github.landmarkj.net.UltraLightRfbNet.PRIORS_PER_CELL)) {
			throw new IllegalArgumentException("the priors do not fit the network's maps (strides 8, 16, 32, 64 with 3, 2, 2, 3 priors per cell)");
		}
		JsonObject w = o.getAsJsonObject("weights");
		return new DetectorPackage(o.get("name").getAsString(), o.get("version").getAsString(), input.get("long_side").getAsInt(),
				input.get("short_side").getAsInt(),
				new InputNormalisation(PackageFiles.toFloats(norm.getAsJsonArray("mean")), PackageFiles.toFloats(norm.getAsJsonArray("std"))),
				priors, decoding.get("score_threshold").getAsDouble(), decoding.get("nms_iou").getAsDouble(), w.get("file").getAsString(),
				w.get("sha256").getAsString(), o.get("licence").getAsString(), o.has("source") ? o.getAsJsonObject("source") : null);
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
