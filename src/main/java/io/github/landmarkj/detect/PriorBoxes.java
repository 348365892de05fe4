package io.github.landmarkj.detect;

/**
 * The SSD prior (anchor) boxes of an input size, as the published Ultra-Light detector generates them
 * (vision/utils/box_utils.py generate_priors): on each map of stride s, one prior per side in the map's
 * list, centred on every cell at ((i + 0.5) s, (j + 0.5) s) input pixels; a map has ceil(W / s) x
 * ceil(H / s) cells. As published, centres and sides are clamped to the input (0..W, 0..H). Order: map by
 * map, row by row, cell by cell, side by side (the network's output order). Coordinates are input pixels
 * measured from the input's top-left edge (not pixel centres). Immutable.
 */
public final class PriorBoxes {
	private final int inputWidth;
	private final int inputHeight;
	private final double[] centreX;
	private final double[] centreY;
	private final double[] width;
	private final double[] height;

	private PriorBoxes(int inputWidth, int inputHeight, double[] centreX, double[] centreY, double[] width, double[] height) {
		this.inputWidth = inputWidth;
		this.inputHeight = inputHeight;
		this.centreX = centreX;
		this.centreY = centreY;
		this.width = width;
		this.height = height;
	}

	/** The priors of a {@code inputWidth} x {@code inputHeight} input under {@code spec}. */
	public static PriorBoxes of(PriorSpec spec, int inputWidth, int inputHeight) {
		if (inputWidth <= 0 || inputHeight <= 0) {
			throw new IllegalArgumentException("The detector's input must have a positive size, got " + inputWidth + " x " + inputHeight);
		}
		int n = spec.count(inputWidth, inputHeight);
		double[] cx = new double[n], cy = new double[n], w = new double[n], h = new double[n];
		int k = 0;
		for (int m = 0; m < spec.maps(); m++) {
			int s = spec.stride(m);
			int cols = (inputWidth + s - 1) / s, rows = (inputHeight + s - 1) / s;
			int[] sides = spec.sides(m);
			for (int j = 0; j < rows; j++) {
				for (int i = 0; i < cols; i++) {
					for (int side : sides) {
						cx[k] = Math.min((i + 0.5) * s, inputWidth);
						cy[k] = Math.min((j + 0.5) * s, inputHeight);
						w[k] = Math.min(side, inputWidth);
						h[k] = Math.min(side, inputHeight);
						k++;
					}
				}
			}
		}
		return new PriorBoxes(inputWidth, inputHeight, cx, cy, w, h);
	}

	public int size() {
		return centreX.length;
	}

	public int inputWidth() {
		return inputWidth;
	}

	public int inputHeight() {
		return inputHeight;
	}

	public double centreX(int i) {
		return centreX[i];
	}

	public double centreY(int i) {
		return centreY[i];
	}

	public double width(int i) {
		return width[i];
	}

	public double height(int i) {
		return height[i];
	}
}
