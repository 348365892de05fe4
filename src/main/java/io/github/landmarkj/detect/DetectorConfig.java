package io.github.landmarkj.detect;

import java.util.Arrays;

/**
 * The detector network's shape: input long side, and the channel widths of its five stride-2 stages
 * (strides 2, 4, 8, 16, 32); the heads read a stride-8 map of {@code headChannels} channels.
 */
public final class DetectorConfig {
	public static final int STRIDE = 8;
	/** The input's sides are multiples of this (the deepest stage's stride). */
	public static final int MULTIPLE = 32;

	public final int inputSize;
	private final int[] widths;
	public final int headChannels;

	public DetectorConfig(int inputSize, int[] widths, int headChannels) {
		if (inputSize <= 0 || inputSize % MULTIPLE != 0) {
			throw new IllegalArgumentException("The detector's input size must be a positive multiple of " + MULTIPLE + ", got " + inputSize);
		}
		if (widths.length != 5 || Arrays.stream(widths).anyMatch(w -> w <= 0) || headChannels <= 0) {
			throw new IllegalArgumentException("The detector needs five positive stage widths and positive head channels");
		}
		this.inputSize = inputSize;
		this.widths = widths.clone();
		this.headChannels = headChannels;
	}

	/** The bundled model's shape: small enough for about 10 ms per 640 x 480 image on two CPU cores. */
	public static DetectorConfig standard() {
		return new DetectorConfig(256, new int[] {16, 24, 32, 48, 64}, 32);
	}

	public int width(int stage) {
		return widths[stage];
	}

	public int[] widths() {
		return widths.clone();
	}

	public DetectorConfig withInputSize(int size) {
		return new DetectorConfig(size, widths, headChannels);
	}
}
