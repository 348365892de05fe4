package io.github.landmarkj.core;

/**
 * The network's raw output for one face, in crop coordinates: M landmark heat maps of size
 * {@code size x size} at {@code stride}, and the occlusion grid (probability that a cell is covered)
 * of size {@code occlusionSize x occlusionSize} at {@code occlusionStride}. Pixel (u, v) of a map at
 * stride s covers crop pixels s*u .. s*u+s-1, so its centre is at crop coordinate s*u + (s-1)/2.
 */
public final class Heatmaps {
	private final float[] maps;
	public final int count;
	public final int size;
	public final int stride;
	private final float[] occlusion;
	public final int occlusionSize;
	public final int occlusionStride;

	public Heatmaps(float[] maps, int count, int size, int stride, float[] occlusion, int occlusionSize, int occlusionStride) {
		if (maps.length != count * size * size) {
			throw new IllegalArgumentException("Expected " + count * size * size + " heat-map values, got " + maps.length);
		}
		if (occlusion.length != occlusionSize * occlusionSize) {
			throw new IllegalArgumentException("Expected " + occlusionSize * occlusionSize + " occlusion values, got " + occlusion.length);
		}
		this.maps = maps.clone();
		this.count = count;
		this.size = size;
		this.stride = stride;
		this.occlusion = occlusion.clone();
		this.occlusionSize = occlusionSize;
		this.occlusionStride = occlusionStride;
	}

	public float value(int map, int u, int v) {
		return maps[(map * size + v) * size + u];
	}

	public float occlusion(int u, int v) {
		return occlusion[v * occlusionSize + u];
	}

	/** A copy of map {@code m}, row-major. */
	public float[] map(int m) {
		float[] out = new float[size * size];
		System.arraycopy(maps, m * size * size, out, 0, out.length);
		return out;
	}

	public float[] occlusionGrid() {
		return occlusion.clone();
	}

	/** Crop coordinate of the centre of heat-map pixel index {@code u}. */
	public double toCrop(double u) {
		return stride * u + (stride - 1) / 2.0;
	}

	/** Heat-map coordinate of crop coordinate {@code x}. */
	public double fromCrop(double x) {
		return (x - (stride - 1) / 2.0) / stride;
	}

	/** The occlusion probability under crop point (x, y), bilinearly interpolated between cell centres. */
	public double occlusionAt(double x, double y) {
		double gx = (x - (occlusionStride - 1) / 2.0) / occlusionStride;
		double gy = (y - (occlusionStride - 1) / 2.0) / occlusionStride;
		gx = Math.max(0, Math.min(occlusionSize - 1, gx));
		gy = Math.max(0, Math.min(occlusionSize - 1, gy));
		int x0 = (int) Math.floor(gx), y0 = (int) Math.floor(gy);
		int x1 = Math.min(x0 + 1, occlusionSize - 1), y1 = Math.min(y0 + 1, occlusionSize - 1);
		double fx = gx - x0, fy = gy - y0;
		double top = occlusion(x0, y0) * (1 - fx) + occlusion(x1, y0) * fx;
		double bottom = occlusion(x0, y1) * (1 - fx) + occlusion(x1, y1) * fx;
		return top * (1 - fy) + bottom * fy;
	}
}
