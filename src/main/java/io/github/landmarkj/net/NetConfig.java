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

	private NetConfig(Builder b) {
		int stages = b.encoderChannels.length;
		if (stages < 2) {
			throw new IllegalArgumentException("The encoder needs at least 2 stages");
		}
		if (b.decoderChannels.length != stages - 1) {
			throw new IllegalArgumentException("The decoder needs " + (stages - 1) + " stages (one fewer than the encoder) to end at stride 4");
		}
		int stride = 1 << (stages + 1);
		if (b.inputSize % (2 * stride) != 0) {
			throw new IllegalArgumentException("Input size " + b.inputSize + " must be a multiple of " + 2 * stride
					+ " for " + stages + " encoder stages (the low-frequency part of the bottleneck is at stride " + 2 * stride + ")");
		}
		if (b.alpha < 0 || b.alpha >= 1) {
			throw new IllegalArgumentException("alpha must be in [0, 1), got " + b.alpha);
		}
		this.inputSize = b.inputSize;
		this.landmarks = b.landmarks;
		this.stemChannels = b.stemChannels;
		this.encoderChannels = b.encoderChannels.clone();
		this.bottleneckChannels = b.bottleneckChannels;
		this.decoderChannels = b.decoderChannels.clone();
		this.occlusionChannels = b.occlusionChannels;
		this.alpha = b.alpha;
		this.attentionChannels = b.attentionChannels;
	}

	/** A builder that starts from the bundled face68 architecture. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder that starts from this configuration. */
	public Builder toBuilder() {
		return new Builder().inputSize(inputSize).landmarks(landmarks).stemChannels(stemChannels).encoderChannels(encoderChannels)
				.bottleneckChannels(bottleneckChannels).decoderChannels(decoderChannels).occlusionChannels(occlusionChannels).alpha(alpha)
				.attentionChannels(attentionChannels);
	}

	/** The architecture of the bundled face68 model: the builder's starting values. */
	public static NetConfig defaultFace68() {
		return builder().build();
	}

	/** Names each hyper-parameter; starts from the face68 architecture, {@link #build()} checks the whole. */
	public static final class Builder {
		private int inputSize = 128;
		private int landmarks = 68;
		private int stemChannels = 16;
		private int[] encoderChannels = {16, 32, 64};
		private int bottleneckChannels = 96;
		private int[] decoderChannels = {64, 32};
		private int occlusionChannels = 16;
		private double alpha = 0.25;
		private int attentionChannels = 32;

		private Builder() {
		}

		/** Side of the square input crop in pixels. */
		public Builder inputSize(int pixels) {
			this.inputSize = pixels;
			return this;
		}

		/** Number of points (heat maps). */
		public Builder landmarks(int count) {
			this.landmarks = count;
			return this;
		}

		public Builder stemChannels(int channels) {
			this.stemChannels = channels;
			return this;
		}

		/** Channels of each encoder stage; at least two stages. */
		public Builder encoderChannels(int... channels) {
			this.encoderChannels = channels.clone();
			return this;
		}

		public Builder bottleneckChannels(int channels) {
			this.bottleneckChannels = channels;
			return this;
		}

		/** Channels of each decoder stage: one stage fewer than the encoder. */
		public Builder decoderChannels(int... channels) {
			this.decoderChannels = channels.clone();
			return this;
		}

		public Builder occlusionChannels(int channels) {
			this.occlusionChannels = channels;
			return this;
		}

		/** Octave low-frequency ratio in [0, 1); 0 = plain convolutions. */
		public Builder alpha(double ratio) {
			this.alpha = ratio;
			return this;
		}

		/** Attention width; 0 = no attention layer. */
		public Builder attentionChannels(int channels) {
			this.attentionChannels = channels;
			return this;
		}

		public NetConfig build() {
			return new NetConfig(this);
		}
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
		return toBuilder().alpha(newAlpha).build();
	}

	public NetConfig withAttentionChannels(int channels) {
		return toBuilder().attentionChannels(channels).build();
	}
}
