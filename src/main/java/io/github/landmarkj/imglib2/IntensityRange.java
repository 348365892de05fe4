package io.github.landmarkj.imglib2;

/**
 * The grey values that become 0 and 255 of the network's input: values in between are scaled linearly,
 * values outside are clamped. Immutable.
 */
public final class IntensityRange {
	public final double min;
	public final double max;

	public IntensityRange(double min, double max) {
		if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
			throw new IllegalArgumentException("An intensity range needs finite values with max > min, got [" + min + ", " + max + "]");
		}
		this.min = min;
		this.max = max;
	}

	@Override
	public String toString() {
		return "[" + min + ", " + max + "]";
	}
}
