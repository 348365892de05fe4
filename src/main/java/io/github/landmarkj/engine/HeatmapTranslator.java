package io.github.landmarkj.engine;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.net.NetConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The landmark network's tensors: a normalised crop (planar 3 x S x S) in; its heat maps (M x S/4 x S/4)
 * and occlusion grid (1 x S/8 x S/8) out. A batch goes in as one tensor made from all its crops and comes
 * out as one copy of each output, split in Java: DJL's {@link Batchifier#STACK} (which the per-crop methods
 * follow) makes a tensor per crop and stacks them, then splits, squeezes and copies every output of every
 * crop: about 4 + 4 N libtorch calls per batch of N where this takes 3.
 */
public final class HeatmapTranslator implements Translator<float[], Heatmaps> {
	private final NetConfig config;

	public HeatmapTranslator(NetConfig config) {
		this.config = config;
	}

	@Override
	public NDList processInput(TranslatorContext ctx, float[] crop) {
		int s = config.inputSize;
		requireCropSize(crop);
		return new NDList(ctx.getNDManager().create(crop, new Shape(3, s, s)));
	}

	@Override
	public Heatmaps processOutput(TranslatorContext ctx, NDList list) {
		return heatmaps(list.get(0).toFloatArray(), list.get(1).toFloatArray(), 0);
	}

	@Override
	public NDList batchProcessInput(TranslatorContext ctx, List<float[]> crops) {
		int s = config.inputSize;
		int values = 3 * s * s;
		float[] batch = new float[crops.size() * values];
		for (int i = 0; i < crops.size(); i++) {
			requireCropSize(crops.get(i));
			System.arraycopy(crops.get(i), 0, batch, i * values, values);
		}
		return new NDList(ctx.getNDManager().create(batch, new Shape(crops.size(), 3, s, s)));
	}

	@Override
	public List<Heatmaps> batchProcessOutput(TranslatorContext ctx, NDList list) {
		float[] maps = list.get(0).toFloatArray();
		float[] occlusion = list.get(1).toFloatArray();
		int faces = (int) list.get(0).getShape().get(0);
		List<Heatmaps> out = new ArrayList<>(faces);
		for (int i = 0; i < faces; i++) {
			out.add(heatmaps(maps, occlusion, i));
		}
		return out;
	}

	/** Face {@code i}'s heat maps and occlusion grid out of a batch's outputs (heat maps and grids one after another). */
	private Heatmaps heatmaps(float[] maps, float[] occlusion, int i) {
		int hm = config.landmarks * config.heatmapSize() * config.heatmapSize();
		int occ = config.occlusionSize() * config.occlusionSize();
		return new Heatmaps(Arrays.copyOfRange(maps, i * hm, (i + 1) * hm), config.landmarks, config.heatmapSize(), config.heatmapStride(),
				Arrays.copyOfRange(occlusion, i * occ, (i + 1) * occ), config.occlusionSize(), config.occlusionStride());
	}

	private void requireCropSize(float[] crop) {
		int s = config.inputSize;
		if (crop.length != 3 * s * s) {
			throw new IllegalArgumentException("A crop of " + crop.length + " values for a network of input 3 x " + s + " x " + s);
		}
	}

	@Override
	public Batchifier getBatchifier() {
		return Batchifier.STACK;
	}
}
