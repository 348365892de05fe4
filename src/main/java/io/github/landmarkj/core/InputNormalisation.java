package io.github.landmarkj.core;

/** Per-channel (v / 255 - mean) / std, the input normalisation stored in a model's metadata. */
public final class InputNormalisation {
	private final float[] mean;
	private final float[] std;

	public InputNormalisation(float[] mean, float[] std) {
		if (mean.length != 3 || std.length != 3) {
			throw new IllegalArgumentException("Normalisation needs 3 means and 3 standard deviations");
		}
		this.mean = mean.clone();
		this.std = std.clone();
	}

	/** ImageNet statistics, the usual choice for networks trained from scratch on photographs too. */
	public static InputNormalisation imagenet() {
		return new InputNormalisation(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});
	}

	public float[] mean() {
		return mean.clone();
	}

	public float[] std() {
		return std.clone();
	}

	/** Normalises planar RGB values 0..255 into {@code out} at {@code offset}. */
	public void apply(float[] planar, float[] out, int offset) {
		int n = planar.length / 3;
		for (int c = 0; c < 3; c++) {
			float m = mean[c], s = std[c];
			for (int i = 0; i < n; i++) {
				out[offset + c * n + i] = (planar[c * n + i] / 255f - m) / s;
			}
		}
	}
}
