package io.github.landmarkj.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.landmarkj.core.LandmarkGroup;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.SubpixelMethod;
import io.github.landmarkj.net.NetConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Landmark models ({@code "kind": "landmarks"}): the section holds {@code scheme} (point names, parts,
 * mirror permutation, eye corners; 0-based), {@code input} (size, crop scale, normalisation),
 * {@code heatmaps} (stride, sigma, decode_radius, optional decoder), {@code occlusion} and {@code architecture}.
 */
public final class LandmarkKind extends ModelKind<LandmarkSpec> {
	public static final LandmarkKind INSTANCE = new LandmarkKind();

	private LandmarkKind() {
		super("landmarks", "face68");
	}

	/** A new 68-point face model package before training: no weights yet, the research-use licence of its data. */
	public static ModelPackage<LandmarkSpec> newFace68(NetConfig net) {
		ModelInfo info = new ModelInfo("face68", "1.0.0", "Research use only: trained on the iBUG 300-W annotations, whose terms "
				+ "forbid commercial use (the same restriction as dlib's 68-point model).", null, null);
		return new ModelPackage<>(INSTANCE, info, WeightsRecord.pending(), LandmarkSpec.face68(net), null);
	}

	@Override
	public String legacyFormat() {
		return "landmarkj-model/1";
	}

	@Override
	public LandmarkSpec read(JsonSection o) throws ModelFormatException {
		JsonSection input = o.section("input");
		JsonSection heat = o.section("heatmaps");
		return new LandmarkSpec(scheme(o.section("scheme")), net(o.section("architecture")), input.number("crop_scale"),
				PackageFiles.normalisation(input.section("normalisation")),
				new HeatmapSettings(heat.number("sigma"), heat.integer("decode_radius"), o.section("occlusion").number("threshold"),
						subpixelMethod(heat)));
	}

	@Override
	public JsonObject write(LandmarkSpec spec) {
		NetConfig net = spec.net;
		JsonObject o = new JsonObject();
		o.add("scheme", scheme(spec.scheme));
		JsonObject input = new JsonObject();
		input.addProperty("size", net.inputSize);
		input.addProperty("channels", 3);
		input.addProperty("crop_rule", "square of crop_scale x max(box width, height) centred on the tight landmark box");
		input.addProperty("crop_scale", spec.cropScale);
		input.add("normalisation", PackageFiles.normalisation(spec.normalisation));
		o.add("input", input);
		JsonObject heat = new JsonObject();
		heat.addProperty("stride", net.heatmapStride());
		heat.addProperty("sigma", spec.heatmaps.sigma);
		heat.addProperty("decode_radius", spec.heatmaps.decodeRadius);
		if (spec.heatmaps.subpixelMethod != SubpixelMethod.CENTRE_OF_GRAVITY) {
			heat.addProperty("decoder", spec.heatmaps.subpixelMethod.key()); // absent: the default, as in every older file
		}
		o.add("heatmaps", heat);
		JsonObject occ = new JsonObject();
		occ.addProperty("stride", net.occlusionStride());
		occ.addProperty("threshold", spec.heatmaps.occlusionThreshold);
		o.add("occlusion", occ);
		o.add("architecture", net(net));
		return o;
	}

	/** {@code heatmaps.decoder}: absent means the centre of gravity, the only decoder before face68 2.0. */
	private static SubpixelMethod subpixelMethod(JsonSection heat) throws ModelFormatException {
		String key = heat.string("decoder", SubpixelMethod.CENTRE_OF_GRAVITY.key());
		try {
			return SubpixelMethod.parse(key);
		} catch (IllegalArgumentException e) {
			throw new ModelFormatException("landmarks.heatmaps.decoder: " + e.getMessage());
		}
	}

	private static JsonObject scheme(LandmarkScheme scheme) {
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
		s.add("mirror", ints(scheme.mirror()));
		s.add("outer_eye_corners", ints(new int[] {scheme.outerEyeRight(), scheme.outerEyeLeft()}));
		return s;
	}

	private static LandmarkScheme scheme(JsonSection s) throws ModelFormatException {
		if (s.has("index_base") && s.integer("index_base") != 0) {
			throw new ModelFormatException("scheme.index_base must be 0 (point indices in model.json are 0-based)");
		}
		List<LandmarkGroup> groups = new ArrayList<>();
		for (JsonSection g : s.sections("groups")) {
			groups.add(new LandmarkGroup(g.string("name"), g.integer("first"), g.integer("last"), "global".equals(g.string("kind")),
					g.bool("closed")));
		}
		int[] eyes = s.integers("outer_eye_corners");
		if (eyes.length != 2) {
			throw new ModelFormatException("scheme.outer_eye_corners must hold two point indices, right then left");
		}
		return new LandmarkScheme(s.string("name"), s.strings("points"), groups, s.integers("mirror"), eyes[0], eyes[1]);
	}

	private static JsonObject net(NetConfig net) {
		JsonObject o = new JsonObject();
		o.addProperty("input_size", net.inputSize);
		o.addProperty("landmarks", net.landmarks);
		o.addProperty("stem_channels", net.stemChannels);
		o.add("encoder_channels", ints(net.encoderChannels()));
		o.addProperty("bottleneck_channels", net.bottleneckChannels);
		o.add("decoder_channels", ints(net.decoderChannels()));
		o.addProperty("occlusion_channels", net.occlusionChannels);
		o.addProperty("alpha", net.alpha);
		o.addProperty("attention_channels", net.attentionChannels);
		o.addProperty("heatmap_stride", net.heatmapStride());
		o.addProperty("occlusion_stride", net.occlusionStride());
		return o;
	}

	/** The architecture section; also what {@code train --alpha/--attention} ablations change. */
	static NetConfig net(JsonSection o) throws ModelFormatException {
		return NetConfig.builder().inputSize(o.integer("input_size")).landmarks(o.integer("landmarks"))
				.stemChannels(o.integer("stem_channels")).encoderChannels(o.integers("encoder_channels"))
				.bottleneckChannels(o.integer("bottleneck_channels")).decoderChannels(o.integers("decoder_channels"))
				.occlusionChannels(o.integer("occlusion_channels")).alpha(o.number("alpha")).attentionChannels(o.integer("attention_channels"))
				.build();
	}

	private static JsonArray ints(int[] values) {
		JsonArray a = new JsonArray();
		for (int v : values) {
			a.add(v);
		}
		return a;
	}
}
