package io.github.landmarkj.detect;

/**
 * The detector network's raw output for one image, on a grid at {@code stride} input pixels: centre
 * probability, log box size in units of the stride (width, height) and the centre's offset within its cell
 * (x, y in [0, 1)). Cell (i, j) covers input pixels [stride i, stride (i+1)) x [stride j, stride (j+1)).
 */
public final class DetectorOutput {
	public final int gridWidth;
	public final int gridHeight;
	public final int stride;
	private final float[] heat;
	private final float[] size;
	private final float[] offset;

	/** Takes ownership of the arrays: heat [h][w], size and offset [2][h][w]. */
	public DetectorOutput(int gridWidth, int gridHeight, int stride, float[] heat, float[] size, float[] offset) {
		int n = gridWidth * gridHeight;
		if (heat.length != n || size.length != 2 * n || offset.length != 2 * n) {
			throw new IllegalArgumentException("Output arrays do not fit a " + gridWidth + " x " + gridHeight + " grid");
		}
		this.gridWidth = gridWidth;
		this.gridHeight = gridHeight;
		this.stride = stride;
		this.heat = heat;
		this.size = size;
		this.offset = offset;
	}

	public float heat(int i, int j) {
		return heat[j * gridWidth + i];
	}

	public float logWidth(int i, int j) {
		return size[j * gridWidth + i];
	}

	public float logHeight(int i, int j) {
		return size[gridWidth * gridHeight + j * gridWidth + i];
	}

	public float offsetX(int i, int j) {
		return offset[j * gridWidth + i];
	}

	public float offsetY(int i, int j) {
		return offset[gridWidth * gridHeight + j * gridWidth + i];
	}
}
