package io.github.landmarkj.core;

/**
 * Flip test-time averaging: the network also sees the crop mirrored left-right; the heat maps of the
 * mirrored crop are mirrored back (columns reversed) and renumbered by the scheme's mirror permutation
 * (the mirrored crop's map of the subject's left eye corner is the direct crop's right one), then
 * averaged with the direct crop's maps, and so is the occlusion grid. Mirroring is exact on the pixel
 * grids: heat-map pixel u of n covers crop pixels s*u .. s*u+s-1 (s = crop size / n), which the mirror
 * x -> S-1-x sends onto heat-map pixel n-1-u.
 */
public final class FlipAveraging {
	private final int[] mirror;

	public FlipAveraging(LandmarkScheme scheme) {
		this.mirror = scheme.mirror();
	}

	/** A planar crop (channels x size x size, row-major) mirrored left-right. */
	public static float[] mirroredInput(float[] crop, int size) {
		int plane = size * size;
		if (crop.length % plane != 0) {
			throw new IllegalArgumentException("A crop of " + crop.length + " values is not whole planes of " + size + " x " + size);
		}
		float[] out = new float[crop.length];
		for (int row = 0; row < crop.length / size; row++) {
			int base = row * size;
			for (int x = 0; x < size; x++) {
				out[base + x] = crop[base + size - 1 - x];
			}
		}
		return out;
	}

	/**
	 * The maps the direct crop would give according to the mirrored crop's output: map m is the mirrored
	 * crop's map mirror[m], columns reversed; the occlusion grid's columns reversed.
	 */
	public Heatmaps unmirror(Heatmaps ofMirrored) {
		if (ofMirrored.count != mirror.length) {
			throw new IllegalArgumentException(ofMirrored.count + " heat maps for a scheme of " + mirror.length + " points");
		}
		int n = ofMirrored.size;
		float[] maps = new float[ofMirrored.count * n * n];
		for (int m = 0; m < ofMirrored.count; m++) {
			for (int v = 0; v < n; v++) {
				for (int u = 0; u < n; u++) {
					maps[(m * n + v) * n + u] = ofMirrored.value(mirror[m], n - 1 - u, v);
				}
			}
		}
		int g = ofMirrored.occlusionSize;
		float[] occlusion = new float[g * g];
		for (int v = 0; v < g; v++) {
			for (int u = 0; u < g; u++) {
				occlusion[v * g + u] = ofMirrored.occlusion(g - 1 - u, v);
			}
		}
		return new Heatmaps(maps, ofMirrored.count, n, ofMirrored.stride, occlusion, g, ofMirrored.occlusionStride);
	}

	/** The mean of the direct crop's maps and the mirrored crop's maps brought back by {@link #unmirror}. */
	public Heatmaps average(Heatmaps direct, Heatmaps ofMirrored) {
		Heatmaps back = unmirror(ofMirrored);
		if (back.size != direct.size || back.occlusionSize != direct.occlusionSize || back.count != direct.count) {
			throw new IllegalArgumentException("The direct and mirrored outputs differ in shape");
		}
		int n = direct.size;
		float[] maps = new float[direct.count * n * n];
		for (int m = 0; m < direct.count; m++) {
			for (int v = 0; v < n; v++) {
				for (int u = 0; u < n; u++) {
					maps[(m * n + v) * n + u] = (direct.value(m, u, v) + back.value(m, u, v)) / 2;
				}
			}
		}
		int g = direct.occlusionSize;
		float[] occlusion = new float[g * g];
		for (int v = 0; v < g; v++) {
			for (int u = 0; u < g; u++) {
				occlusion[v * g + u] = (direct.occlusion(u, v) + back.occlusion(u, v)) / 2;
			}
		}
		return new Heatmaps(maps, direct.count, n, direct.stride, occlusion, g, direct.occlusionStride);
	}
}
