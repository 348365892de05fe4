package io.github.landmarkj.net;

/**
 * The hyper-parameters of {@link LandmarkNet}, stored in a model's {@code model.json} (see {@code engine.LandmarkKind}). The encoder has
 * one stage per entry of {@code encoderChannels}; the decoder climbs back to stride 4 and so has one
 * stage fewer. {@code alpha = 0} gives plain (single-frequency) convolutions and
 * {@code attentionChannels = 0} drops the attention layer: the two ablations of the model card.
 */
public final class NetConfig {
	public final int inputSize;
	public final int landmarks;
	public final int stemChannels;
	private final int[] encoderChannels;
	public final int bottleneckChannels;
	private final int[] decoderChannels;
	public final int occlusionChannels;
	public final double alpha;
	public final int attentionChannels;

	public NetConfig(int inputSize, int landmarks, int stemChannels, int[] encoderChannels, int bottleneckChannels,
			int[] decoderChannels, int occlusionChannels, double alpha, int attentionChannels) {
		int stages = encoderChannels.length;
		if (stages < 2) {
			throw new IllegalArgumentException("The encoder needs at least 2 stages");
		}
		if (decoderChannels.length != stages - 1) {
			throw new IllegalArgumentException("The decoder needs " + (stages - 1) + " stages (one fewer than the encoder) to end at stride 4");
		}
		int stride = 1 << (stages + 1);
		if (inputSize % (2 * stride) != 0) {
			throw new IllegalArgumentException("Input size " + inputSize + " must be a multiple of " + 2 * stride
					+ " for " + stages + " encoder stages (the low-frequency part of the bottleneck is at stride " + 2 * stride + ")");
		}
		if (alpha < 0 || alpha >= 1) {
			throw new IllegalArgumentException("alpha must be in [0, 1), got " + alpha);
		}
		this.inputSize = inputSize;
		this.landmarks = landmarks;
		this.stemChannels = stemChannels;
		this.encoderChannels = encoderChannels.clone();
		this.bottleneckChannels = bottleneckChannels;
		this.decoderChannels = decoderChannels.clone();
		this.occlusionChannels = occlusionChannels;
		this.alpha = alpha;
		this.attentionChannels = attentionChannels;
	}

	/** The architecture of the bundled face68 model. */
	public static NetConfig defaultFace68() {
		return new NetConfig(128, 68, 16, new int[] {16, 32, 64}, 96, new int[] {64, 32}, 16, 0.25, 32);
	}

	public int[] encoderChannels() {
		return encoderChannels.clone();
	}

	public int[] decoderChannels() {
		return decoderChannels.clone();
	}

	public boolean octave() {
		return alpha > 0;
	}

	public boolean attention() {
		return attentionChannels > 0;
	}

	public int heatmapStride() {
		return 4;
	}

	public int occlusionStride() {
		return 8;
	}

	public int heatmapSize() {
		return inputSize / heatmapStride();
	}

	public int occlusionSize() {
		return inputSize / occlusionStride();
	}

	public NetConfig withAlpha(double newAlpha) {
		return new NetConfig(inputSize, landmarks, stemChannels, encoderChannels, bottleneckChannels, decoderChannels,
				occlusionChannels, newAlpha, attentionChannels);
	}

	public NetConfig withAttentionChannels(int channels) {
		return new NetConfig(inputSize, landmarks, stemChannels, encoderChannels, bottleneckChannels, decoderChannels,
				occlusionChannels, alpha, channels);
	}
}
