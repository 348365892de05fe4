package io.github.landmarkj.engine;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.landmarkj.core.CropRule;
import io.github.landmarkj.core.HeatmapDecoder;
import io.github.landmarkj.core.InputNormalisation;
import io.github.landmarkj.core.LandmarkGroup;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.net.NetConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model folder's {@code model.json}: what the points mean, how crops are made and normalised, how
 * heat maps are decoded, the architecture, and which weights file (with its SHA-256) belongs to it.
 * Point indices in the file are 0-based.
 */
public final class ModelPackage {
	public static final String FILE_NAME = "model.json";

	public final String name;
	public final String version;
	public final LandmarkScheme scheme;
	public final NetConfig net;
	public final double cropScale;
	public final InputNormalisation normalisation;
	public final double heatmapSigma;
	public final int decodeRadius;
	public final double occlusionThreshold;
	public final String weightsFile;
	public final String weightsSha256;
	public final String licence;
	private final JsonObject training;

	public ModelPackage(String name, String version, LandmarkScheme scheme, NetConfig net, double cropScale,
			InputNormalisation normalisation, double heatmapSigma, int decodeRadius, double occlusionThreshold,
			String weightsFile, String weightsSha256, String licence, JsonObject training) {
		if (scheme.size() != net.landmarks) {
			throw new IllegalArgumentException("The scheme has " + scheme.size() + " points but the network predicts " + net.landmarks);
		}
		this.name = name;
		this.version = version;
		this.scheme = scheme;
		this.net = net;
		this.cropScale = cropScale;
		this.normalisation = normalisation;
		this.heatmapSigma = heatmapSigma;
		this.decodeRadius = decodeRadius;
		this.occlusionThreshold = occlusionThreshold;
		this.weightsFile = weightsFile;
		this.weightsSha256 = weightsSha256;
		this.licence = licence;
		this.training = training == null ? new JsonObject() : training.deepCopy();
	}

	public CropRule cropRule() {
		return new CropRule(net.inputSize, cropScale);
	}

	public HeatmapDecoder decoder() {
		return new HeatmapDecoder(decodeRadius, occlusionThreshold);
	}

	public JsonObject training() {
		return training.deepCopy();
	}

	public ModelPackage withWeights(String file, String sha256) {
		return new ModelPackage(name, version, scheme, net, cropScale, normalisation, heatmapSigma, decodeRadius,
				occlusionThreshold, file, sha256, licence, training);
	}

	public ModelPackage withTraining(JsonObject info) {
		return new ModelPackage(name, version, scheme, net, cropScale, normalisation, heatmapSigma, decodeRadius,
				occlusionThreshold, weightsFile, weightsSha256, licence, info);
	}

	public ModelPackage withNet(NetConfig config) {
		return new ModelPackage(name, version, scheme, config, cropScale, normalisation, heatmapSigma, decodeRadius,
				occlusionThreshold, weightsFile, weightsSha256, licence, training);
	}

	public ModelPackage withName(String newName) {
		return new ModelPackage(newName, version, scheme, net, cropScale, normalisation, heatmapSigma, decodeRadius,
				occlusionThreshold, weightsFile, weightsSha256, licence, training);
	}

	/** The defaults of a new 68-point face model before training. */
	public static ModelPackage newFace68(NetConfig config) {
		return new ModelPackage("face68", "1.0.0", LandmarkScheme.ibug68(), config, 1.35, InputNormalisation.imagenet(),
				1.5, 3, 0.5, "weights.params", "", "Research use only: trained on the iBUG 300-W annotations, whose terms "
						+ "forbid commercial use (the same restriction as dlib's 68-point model).", null);
	}

	public static ModelPackage read(Path folder) throws IOException {
		Path file = folder.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			throw new IOException("Not a LandmarkJ model folder: " + folder + " has no " + FILE_NAME);
		}
		JsonObject o;
		try {
			o = JsonParser.parseString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).getAsJsonObject();
			return fromJson(o);
		} catch (RuntimeException e) {
			throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	public void write(Path folder) throws IOException {
		Files.createDirectories(folder);
		Gson gson = new GsonBuilder().setPrettyPrinting().create();
		Files.write(folder.resolve(FILE_NAME), (gson.toJson(toJson()) + "\n").getBytes(StandardCharsets.UTF_8));
	}

	public JsonObject toJson() {
		JsonObject o = new JsonObject();
		o.addProperty("format", "landmarkj-model/1");
		o.addProperty("name", name);
		o.addProperty("version", version);
		JsonObject s = new JsonObject();
		s.addProperty("name", scheme.name());
		s.addProperty("index_base", 0);
		JsonArray points = new JsonArray();
		scheme.pointNames().forEach(points::add);
		s.add("points", points);
		JsonArray groups = new JsonArray();
		for (LandmarkGroup g : scheme.groups()) {
			JsonObject go = new JsonObject();
			go.addProperty("name", g.name);
			go.addProperty("first", g.first);
			go.addProperty("last", g.last);
			go.addProperty("kind", g.global ? "global" : "local");
			go.addProperty("closed", g.closed);
			groups.add(go);
		}
		s.add("groups", groups);
		JsonArray mirror = new JsonArray();
		for (int m : scheme.mirror()) {
			mirror.add(m);
		}
		s.add("mirror", mirror);
		JsonArray eyes = new JsonArray();
		eyes.add(scheme.outerEyeRight());
		eyes.add(scheme.outerEyeLeft());
		s.add("outer_eye_corners", eyes);
		o.add("scheme", s);
		JsonObject input = new JsonObject();
		input.addProperty("size", net.inputSize);
		input.addProperty("channels", 3);
		input.addProperty("crop_rule", "square of crop_scale x max(box width, height) centred on the tight landmark box");
		input.addProperty("crop_scale", cropScale);
		JsonObject norm = new JsonObject();
		norm.add("mean", PackageFiles.floats(normalisation.mean()));
		norm.add("std", PackageFiles.floats(normalisation.std()));
		norm.addProperty("formula", "(value / 255 - mean) / std, RGB; grey images replicated to 3 channels");
		input.add("normalisation", norm);
		o.add("input", input);
		JsonObject heat = new JsonObject();
		heat.addProperty("stride", net.heatmapStride());
		heat.addProperty("sigma", heatmapSigma);
		heat.addProperty("decode_radius", decodeRadius);
		o.add("heatmaps", heat);
		JsonObject occ = new JsonObject();
		occ.addProperty("stride", net.occlusionStride());
		occ.addProperty("threshold", occlusionThreshold);
		o.add("occlusion", occ);
		o.add("architecture", net.toJson());
		o.add("weights", PackageFiles.weightsRecord(weightsFile, weightsSha256));
		o.add("training", training);
		o.addProperty("licence", licence);
		return o;
	}

	static ModelPackage fromJson(JsonObject o) {
		JsonObject s = o.getAsJsonObject("scheme");
		List<String> names = new ArrayList<>();
		for (JsonElement e : s.getAsJsonArray("points")) {
			names.add(e.getAsString());
		}
		List<LandmarkGroup> groups = new ArrayList<>();
		for (JsonElement e : s.getAsJsonArray("groups")) {
			JsonObject g = e.getAsJsonObject();
			groups.add(new LandmarkGroup(g.get("name").getAsString(), g.get("first").getAsInt(), g.get("last").getAsInt(),
					"global".equals(g.get("kind").getAsString()), g.get("closed").getAsBoolean()));
		}
		JsonArray m = s.getAsJsonArray("mirror");
		int[] mirror = new int[m.size()];
		for (int i = 0; i < mirror.length; i++) {
			mirror[i] = m.get(i).getAsInt();
		}
		JsonArray eyes = s.getAsJsonArray("outer_eye_corners");
		LandmarkScheme scheme = new LandmarkScheme(s.get("name").getAsString(), names, groups, mirror, eyes.get(0).getAsInt(),
				eyes.get(1).getAsInt());
		JsonObject input = o.getAsJsonObject("input");
		JsonObject norm = input.getAsJsonObject("normalisation");
		JsonObject w = o.getAsJsonObject("weights");
		return new ModelPackage(o.get("name").getAsString(), o.get("version").getAsString(), scheme,
				NetConfig.fromJson(o.getAsJsonObject("architecture")), input.get("crop_scale").getAsDouble(),
				new InputNormalisation(PackageFiles.toFloats(norm.getAsJsonArray("mean")), PackageFiles.toFloats(norm.getAsJsonArray("std"))),
				o.getAsJsonObject("heatmaps").get("sigma").getAsDouble(), o.getAsJsonObject("heatmaps").get("decode_radius").getAsInt(),
				o.getAsJsonObject("occlusion").get("threshold").getAsDouble(), w.get("file").getAsString(),
				w.get("sha256").getAsString(), o.get("licence").getAsString(),
				o.has("training") ? o.getAsJsonObject("training") : null);
	}



	/** Lowercase hex SHA-256 of a file. */
	public static String sha256(Path file) throws IOException {
		return PackageFiles.sha256(file);
	}
}
