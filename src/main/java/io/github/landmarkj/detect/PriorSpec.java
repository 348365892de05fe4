package io.github.landmarkj.detect;

import java.util.Arrays;

/**
 * How an SSD detector's outputs relate to its input: the stride of each feature map, the prior sides
 * (input pixels) on each map, and the variances of the box regression. Immutable; read from model.json.
 */
public final class PriorSpec {
	private final int[] strides;
	private final int[][] sides;
	public final double centreVariance;
	public final double sizeVariance;

	public PriorSpec(int[] strides, int[][] sides, double centreVariance, double sizeVariance) {
		if (strides.length == 0 || strides.length != sides.length) {
			throw new IllegalArgumentException("Each feature map needs a stride and a list of prior sides");
		}
		for (int m = 0; m < strides.length; m++) {
			if (strides[m] <= 0 || sides[m].length == 0 || Arrays.stream(sides[m]).anyMatch(s -> s <= 0)) {
				throw new IllegalArgumentException("Map " + m + " needs a positive stride and positive prior sides");
			}
		}
		if (!(centreVariance > 0) || !(sizeVariance > 0)) {
			throw new IllegalArgumentException("Box variances must be positive");
		}
		this.strides = strides.clone();
		this.sides = new int[sides.length][];
		for (int m = 0; m < sides.length; m++) {
			this.sides[m] = sides[m].clone();
		}
		this.centreVariance = centreVariance;
		this.sizeVariance = sizeVariance;
	}

	/** The published Ultra-Light RFB detector's (vision/ssd/config/fd_config.py). */
	public static PriorSpec ultraLight() {
		return new PriorSpec(new int[] {8, 16, 32, 64}, new int[][] {{10, 16, 24}, {32, 48}, {64, 96}, {128, 192, 256}}, 0.1, 0.2);
	}

	public int maps() {
		return strides.length;
	}

	public int stride(int map) {
		return strides[map];
	}

	public int[] sides(int map) {
		return sides[map].clone();
	}

	public int[] priorsPerCell() {
		return Arrays.stream(sides).mapToInt(s -> s.length).toArray();
	}

	public int[] strides() {
		return strides.clone();
	}

	/** Priors of an input of this size. */
	public int count(int inputWidth, int inputHeight) {
		int n = 0;
		for (int m = 0; m < strides.length; m++) {
			int s = strides[m];
			n += ((inputWidth + s - 1) / s) * ((inputHeight + s - 1) / s) * sides[m].length;
		}
		return n;
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof PriorSpec)) {
			return false;
		}
		PriorSpec p = (PriorSpec) o;
		return Arrays.equals(strides, p.strides) && Arrays.deepEquals(sides, p.sides) && centreVariance == p.centreVariance
				&& sizeVariance == p.sizeVariance;
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(strides) * 31 + Arrays.deepHashCode(sides);
	}
}
