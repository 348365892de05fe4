package io.github.landmarkj.core;

/**
 * A 2-D similarity transform (rotation, uniform scale, translation, optionally a mirror):
 * x' = a x - b y + tx, y' = b x + a y + ty (or with the x axis mirrored first when {@code mirrored}).
 * Stored as a 2x3 matrix so that composition and inversion stay exact.
 */
public final class SimilarityTransform {
	// Row-major 2x3 matrix [m00 m01 m02; m10 m11 m12].
	private final double m00, m01, m02, m10, m11, m12;

	private SimilarityTransform(double m00, double m01, double m02, double m10, double m11, double m12) {
		this.m00 = m00;
		this.m01 = m01;
		this.m02 = m02;
		this.m10 = m10;
		this.m11 = m11;
		this.m12 = m12;
	}

	public static SimilarityTransform identity() {
		return new SimilarityTransform(1, 0, 0, 0, 1, 0);
	}

	/** Scales by {@code scale}, rotates by {@code angleRadians} (counter-clockwise in maths, clockwise on screen), then translates. */
	public static SimilarityTransform of(double scale, double angleRadians, double tx, double ty) {
		double a = scale * Math.cos(angleRadians);
		double b = scale * Math.sin(angleRadians);
		return new SimilarityTransform(a, -b, tx, b, a, ty);
	}

	public static SimilarityTransform translation(double tx, double ty) {
		return new SimilarityTransform(1, 0, tx, 0, 1, ty);
	}

	/** x' = width - 1 - x: the horizontal mirror of an image {@code width} pixels wide. */
	public static SimilarityTransform horizontalFlip(double width) {
		return new SimilarityTransform(-1, 0, width - 1, 0, 1, 0);
	}

	/**
	 * Maps the square of side {@code size} centred at ({@code cx}, {@code cy}), rotated by
	 * {@code angleRadians}, onto the output square [0, outputSize) x [0, outputSize) with pixel centres
	 * at integer coordinates.
	 */
	public static SimilarityTransform squareToOutput(double cx, double cy, double size, double angleRadians, int outputSize) {
		double s = outputSize / size;
		double c = (outputSize - 1) / 2.0;
		// Rotate about the centre by -angle so that a face tilted by angle becomes upright.
		return translation(c, c).compose(of(s, -angleRadians, 0, 0)).compose(translation(-cx, -cy));
	}

	/** this ∘ other: applies {@code other} first, then this. */
	public SimilarityTransform compose(SimilarityTransform o) {
		return new SimilarityTransform(
				m00 * o.m00 + m01 * o.m10, m00 * o.m01 + m01 * o.m11, m00 * o.m02 + m01 * o.m12 + m02,
				m10 * o.m00 + m11 * o.m10, m10 * o.m01 + m11 * o.m11, m10 * o.m02 + m11 * o.m12 + m12);
	}

	public SimilarityTransform inverse() {
		double det = m00 * m11 - m01 * m10;
		if (Math.abs(det) < 1e-300) {
			throw new IllegalStateException("Transform is singular");
		}
		double i00 = m11 / det, i01 = -m01 / det, i10 = -m10 / det, i11 = m00 / det;
		return new SimilarityTransform(i00, i01, -(i00 * m02 + i01 * m12), i10, i11, -(i10 * m02 + i11 * m12));
	}

	public Point2 apply(Point2 p) {
		return new Point2(m00 * p.x + m01 * p.y + m02, m10 * p.x + m11 * p.y + m12);
	}

	public double applyX(double x, double y) {
		return m00 * x + m01 * y + m02;
	}

	public double applyY(double x, double y) {
		return m10 * x + m11 * y + m12;
	}

	/** Length scale factor (same in every direction for a similarity). */
	public double scale() {
		return Math.sqrt(Math.abs(m00 * m11 - m01 * m10));
	}

	/** The matrix as {m00, m01, m02, m10, m11, m12}. */
	public double[] toArray() {
		return new double[] {m00, m01, m02, m10, m11, m12};
	}

	@Override
	public String toString() {
		return String.format("[[%.5f %.5f %.3f] [%.5f %.5f %.3f]]", m00, m01, m02, m10, m11, m12);
	}
}
