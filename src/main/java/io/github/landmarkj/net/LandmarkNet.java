package io.github.landmarkj.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The encoder–attention–decoder landmark network. Input: N x 3 x S x S normalised crops. Output:
 * [heat maps N x M x S/4 x S/4 (raw scores), occlusion grid N x 1 x S/8 x S/8 (probabilities)].
 *
 * <pre>
 * stem      octave conv, image in, stride 2                      S/2
 * encoder   per stage: 2 octave conv+BN+ReLU, then 2x2 pooling   S/2 .. S/2^E, skips kept
 * bottleneck 2 octave conv+BN+ReLU, multi-frequency attention    S/2^(E+1)
 * decoder   per stage: x2 up-sampling, concat skip, 2 octave conv   .. S/8 (occlusion head), S/4
 * heads     octave conv to a single frequency + 1x1 conv
 * </pre>
 */
public final class LandmarkNet extends AbstractBlock {
	private final NetConfig config;
	private final OctaveConvBnRelu stem;
	private final List<OctaveConvBnRelu[]> encoder = new ArrayList<>();
	private final OctaveConvBnRelu[] bottleneck;
	private final MultiFrequencyAttention attention;
	private final List<OctaveConvBnRelu[]> decoder = new ArrayList<>();
	private final OctaveConvBnRelu landmarkFeatures;
	private final Conv2d landmarkHead;
	private final OctaveConvBnRelu occlusionFeatures;
	private final Conv2d occlusionHead;
	/** Whether {@link #prepareInference} ran: inference forwards then take the merged, folded form. */
	private boolean preparedForInference;

	public LandmarkNet(NetConfig config) {
		this.config = config;
		double a = config.alpha;
		boolean low = config.octave();
		this.stem = addChildBlock("stem", new OctaveConvBnRelu(config.stemChannels, a, 2, false));
		int[] enc = config.encoderChannels();
		for (int i = 0; i < enc.length; i++) {
			encoder.add(new OctaveConvBnRelu[] {
					addChildBlock("enc" + i + "a", new OctaveConvBnRelu(enc[i], a, 1, low)),
					addChildBlock("enc" + i + "b", new OctaveConvBnRelu(enc[i], a, 1, low))});
		}
		this.bottleneck = new OctaveConvBnRelu[] {
				addChildBlock("mid_a", new OctaveConvBnRelu(config.bottleneckChannels, a, 1, low)),
				addChildBlock("mid_b", new OctaveConvBnRelu(config.bottleneckChannels, a, 1, low))};
		int bottleneckLow = low ? (int) Math.round(a * config.bottleneckChannels)
				: config.bottleneckChannels; // plain ablation: attends from a pooled copy of X_h
		this.attention = config.attention()
				? addChildBlock("attention", new MultiFrequencyAttention(config.attentionChannels, bottleneckLow))
				: null;
		int[] dec = config.decoderChannels();
		for (int j = 0; j < dec.length; j++) {
			decoder.add(new OctaveConvBnRelu[] {
					addChildBlock("dec" + j + "a", new OctaveConvBnRelu(dec[j], a, 1, low)),
					addChildBlock("dec" + j + "b", new OctaveConvBnRelu(dec[j], a, 1, low))});
		}
		this.landmarkFeatures = addChildBlock("hm_feat", new OctaveConvBnRelu(dec[dec.length - 1], 0, 1, low));
		this.landmarkHead = addChildBlock("hm_head", Conv2d.builder().setFilters(config.landmarks).setKernelShape(new Shape(1, 1)).build());
		this.occlusionFeatures = addChildBlock("occ_feat", new OctaveConvBnRelu(config.occlusionChannels, 0, 1, low));
		this.occlusionHead = addChildBlock("occ_head", Conv2d.builder().setFilters(1).setKernelShape(new Shape(1, 1)).build());
	}

	public NetConfig config() {
		return config;
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
		boolean prepared = !training && preparedForInference;
		// The prepared layers expect channels-last arrays and keep them so: the input's layout changes once here.
		NDArray image = prepared ? Convolutions.channelsLast(inputs.head()) : inputs.head();
		NDList x = stem.forward(ps, new NDList(image), training);
		List<NDList> skips = new ArrayList<>();
		for (OctaveConvBnRelu[] stage : encoder) {
			x = stage[1].forward(ps, stage[0].forward(ps, x, training), training);
			skips.add(x);
			x = map(x, Resampling::down);
		}
		x = bottleneck[1].forward(ps, bottleneck[0].forward(ps, x, training), training);
		if (attention != null) {
			x = attend(ps, x, training);
		}
		// The occlusion head reads the stride-8 features: the bottleneck's for two encoder stages,
		// otherwise the output of the decoder stage at stride 8.
		NDList strideEight = encoder.size() == 2 ? x : null;
		for (int j = 0; j < decoder.size(); j++) {
			NDList skip = skips.get(encoder.size() - 1 - j);
			x = concat(map(x, Resampling::up), skip);
			OctaveConvBnRelu[] stage = decoder.get(j);
			x = stage[1].forward(ps, stage[0].forward(ps, x, training), training);
			if (encoder.size() - j == 3) {
				strideEight = x;
			}
		}
		NDArray heatmaps = head(landmarkHead, ps, landmarkFeatures.forward(ps, x, training).singletonOrThrow(), training, prepared);
		NDArray occlusion = head(occlusionHead, ps, occlusionFeatures.forward(ps, strideEight, training).singletonOrThrow(), training,
				prepared).getNDArrayInternal().sigmoid();
		return new NDList(heatmaps, occlusion);
	}

	/** A 1 x 1 head; prepared, on the channels-last features without the layout calls. */
	private static NDArray head(Conv2d conv, ParameterStore ps, NDArray x, boolean training, boolean prepared) {
		if (!prepared) {
			return Convolutions.forward(conv, ps, x, training);
		}
		return Convolutions.conv2dOfChannelsLast(x, conv.getParameters().get("weight").getArray(), conv.getParameters().get("bias").getArray(),
				conv.getStride(), conv.getPadding(), conv.getDilation(), conv.getGroups());
	}

	/**
	 * Prepares the inference form of the network: every batch norm folded into its convolution and the
	 * octave paths merged ({@link OctaveConvBnRelu#foldBatchNorms}), the attention's projections as matrices
	 * ({@link MultiFrequencyAttention#prepareInference}), every array laid out channels-last from the input
	 * on. The same outputs to float rounding in far fewer PyTorch calls. A snapshot of the weights: prepare
	 * again after they change; training forwards are not affected.
	 */
	public void prepareInference() {
		prepareAll(this);
		preparedForInference = true;
	}

	private static void prepareAll(Block block) {
		for (Block child : block.getChildren().values()) {
			if (child instanceof OctaveConvBnRelu) {
				((OctaveConvBnRelu) child).foldBatchNorms();
			} else if (child instanceof MultiFrequencyAttention) {
				((MultiFrequencyAttention) child).prepareInference();
			} else {
				prepareAll(child);
			}
		}
	}

	private NDList attend(ParameterStore ps, NDList x, boolean training) {
		if (config.octave()) {
			return attention.forward(ps, x, training);
		}
		NDArray high = x.head();
		NDArray pooled = Resampling.down(high);
		NDArray attended = attention.forward(ps, new NDList(high, pooled), training).get(1);
		return new NDList(high.add(Resampling.up(attended.sub(pooled))));
	}

	private static NDList map(NDList parts, java.util.function.UnaryOperator<NDArray> f) {
		NDList out = new NDList(parts.size());
		for (NDArray a : parts) {
			out.add(f.apply(a));
		}
		return out;
	}

	private static NDList concat(NDList a, NDList b) {
		NDList out = new NDList(a.size());
		for (int i = 0; i < a.size(); i++) {
			out.add(NDArrays.concat(new NDList(a.get(i), b.get(i)), 1));
		}
		return out;
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		long n = inputShapes[0].get(0);
		int hm = config.heatmapSize();
		int occ = config.occlusionSize();
		return new Shape[] {new Shape(n, config.landmarks, hm, hm), new Shape(n, 1, occ, occ)};
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape[] s = init(stem, manager, dataType, new Shape[] {inputShapes[0]});
		List<Shape[]> skipShapes = new ArrayList<>();
		for (OctaveConvBnRelu[] stage : encoder) {
			s = init(stage[1], manager, dataType, init(stage[0], manager, dataType, s));
			skipShapes.add(s);
			s = mapShapes(s, true);
		}
		s = init(bottleneck[1], manager, dataType, init(bottleneck[0], manager, dataType, s));
		Shape[] strideEight = encoder.size() == 2 ? s : null;
		if (attention != null) {
			Shape[] attentionInput = config.octave() ? s : new Shape[] {s[0], Resampling.halfShape(s[0])};
			init(attention, manager, dataType, attentionInput);
		}
		for (int j = 0; j < decoder.size(); j++) {
			Shape[] skip = skipShapes.get(encoder.size() - 1 - j);
			Shape[] up = mapShapes(s, false);
			Shape[] joined = new Shape[up.length];
			for (int i = 0; i < up.length; i++) {
				joined[i] = Resampling.withChannels(up[i], up[i].get(1) + skip[i].get(1));
			}
			OctaveConvBnRelu[] stage = decoder.get(j);
			s = init(stage[1], manager, dataType, init(stage[0], manager, dataType, joined));
			if (encoder.size() - j == 3) {
				strideEight = s;
			}
		}
		init(landmarkHead, manager, dataType, init(landmarkFeatures, manager, dataType, s));
		init(occlusionHead, manager, dataType, init(occlusionFeatures, manager, dataType, strideEight));
	}

	private static Shape[] init(Block block, NDManager manager, DataType dataType, Shape[] in) {
		block.initialize(manager, dataType, in);
		return block.getOutputShapes(in);
	}

	private static Shape[] mapShapes(Shape[] s, boolean down) {
		Shape[] out = new Shape[s.length];
		for (int i = 0; i < s.length; i++) {
			out[i] = down ? Resampling.halfShape(s[i]) : Resampling.doubleShape(s[i]);
		}
		return out;
	}
}
