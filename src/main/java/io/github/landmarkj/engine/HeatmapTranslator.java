package io.github.landmarkj.engine;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.net.NetConfig;

/**
 * The landmark network's tensors: a normalised crop (planar 3 x S x S) in; its heat maps (M x S/4 x S/4)
 * and occlusion grid (1 x S/8 x S/8) out. Crops of a batch are stacked and outputs split by DJL's
 * {@link Batchifier#STACK}.
 */
public final class HeatmapTranslator implements Translator<float[], Heatmaps> {
	private final NetConfig config;

	public HeatmapTranslator(NetConfig config) {
		this.config = config;
	}

	@Override
	public NDList processInput(TranslatorContext ctx, float[] crop) {
		int s = config.inputSize;
		if (crop.length != 3 * s * s) {
			throw new IllegalArgumentException("A crop of " + crop.length + " values for a network of input 3 x " + s + " x " + s);
		}
		return new NDList(ctx.getNDManager().create(crop, new Shape(3, s, s)));
	}

	@Override
	public Heatmaps processOutput(TranslatorContext ctx, NDList list) {
		return new Heatmaps(list.get(0).toFloatArray(), config.landmarks, config.heatmapSize(), config.heatmapStride(),
				list.get(1).toFloatArray(), config.occlusionSize(), config.occlusionStride());
	}

	@Override
	public Batchifier getBatchifier() {
		return Batchifier.STACK;
	}
}
