package io.github.landmarkj.core;

import java.util.List;

/**
 * Head pose from 2-D landmarks: a rigid 3-D mean face is fitted to the points by scaled orthographic
 * projection (weak perspective), minimising the squared distances in the image. The fit starts from the
 * best affine projection made orthonormal (polar decomposition) and alternates (a) completing the points'
 * depths from the current fit and (b) the closed-form 3-D similarity fit (Horn's quaternions), which
 * never increases the image error. Only the inner points take part by default: jaw-line annotations
 * follow the face's visible outline, which slides over the face as it turns, so they are not rigid.
 * Pure Java, thread-safe (immutable).
 */
public final class HeadPoseEstimator {
	private static final int MAX_ITERATIONS = 100;

	private final MeanFace3D face;
	private final int[] used;
	private final double[][] model; // centred model points of `used`
	private final double[] centroid;

	/** @param used the indices of the points that take part in the fit (at least 4, not all in a line) */
	public HeadPoseEstimator(MeanFace3D face, int[] used) {
		if (used.length < 4) {
			throw new IllegalArgumentException("A pose fit needs at least 4 points, got " + used.length);
		}
		this.face = face;
		this.used = used.clone();
		this.centroid = new double[3];
		for (int i : used) {
			double[] p = face.point(i);
			for (int k = 0; k < 3; k++) {
				centroid[k] += p[k] / used.length;
			}
		}
		this.model = new double[used.length][];
		for (int j = 0; j < used.length; j++) {
			double[] p = face.point(used[j]);
			model[j] = new double[] {p[0] - centroid[0], p[1] - centroid[1], p[2] - centroid[2]};
		}
	}

	/** The bundled mean face fitted on the 51 inner iBUG points (brows, nose, eyes, mouth; 0-based 17..67). */
	public static HeadPoseEstimator ibug68() {
		return Ibug68.ESTIMATOR;
	}

	/** The estimator for a scheme's points, or null when LandmarkJ has no 3-D mean face for that scheme. */
	public static HeadPoseEstimator forScheme(LandmarkScheme scheme) {
		return scheme.name().equals(LandmarkScheme.ibug68().name()) && scheme.size() == 68 ? ibug68() : null;
	}

	/** Index of the nose tip in the iBUG scheme (0-based), where head axes are drawn. */
	public static final int IBUG68_NOSE_TIP = 30;

	/** The bundled estimator, read once on first use (immutable). */
	private static final class Ibug68 {
		static final HeadPoseEstimator ESTIMATOR;

		static {
			int[] inner = new int[51];
			for (int i = 0; i < inner.length; i++) {
				inner[i] = 17 + i;
			}
			ESTIMATOR = new HeadPoseEstimator(MeanFace3D.bundled(), inner);
		}
	}

	public MeanFace3D meanFace() {
		return face;
	}

	/** The head pose of a face's landmarks; {@link HeadPose#UNKNOWN} when they cannot be fitted ({@link #canFit}). */
	public HeadPose estimate(Landmarks landmarks) {
		return canFit(landmarks.points()) ? fit(landmarks.points()).pose : HeadPose.UNKNOWN;
	}

	/** Whether {@link #fit} can place the mean face: the used points are finite and not all on one spot. */
	public boolean canFit(List<Point2> points) {
		if (points.size() != face.size()) {
			throw new IllegalArgumentException("The mean face has " + face.size() + " points, the landmarks " + points.size());
		}
		double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
		for (int i : used) {
			Point2 p = points.get(i);
			if (!Double.isFinite(p.x) || !Double.isFinite(p.y)) {
				return false;
			}
			minX = Math.min(minX, p.x);
			maxX = Math.max(maxX, p.x);
			minY = Math.min(minY, p.y);
			maxY = Math.max(maxY, p.y);
		}
		return maxX - minX > 1e-6 && maxY - minY > 1e-6;
	}

	/**
	 * The fitted mean face; {@code points} has one point per mean-face point (all of them, in order).
	 *
	 * @throws IllegalArgumentException when the points cannot be fitted (see {@link #canFit})
	 */
	public PoseFit fit(List<Point2> points) {
		if (!canFit(points)) {
			throw new IllegalArgumentException("The landmarks all sit on one spot (or are not finite): no pose to fit");
		}
		int n = used.length;
		double mx = 0, my = 0;
		for (int i : used) {
			mx += points.get(i).x / n;
			my += points.get(i).y / n;
		}
		double[][] image = new double[n][];
		double spread = 0;
		for (int j = 0; j < n; j++) {
			Point2 p = points.get(used[j]);
			image[j] = new double[] {p.x - mx, p.y - my};
			spread += image[j][0] * image[j][0] + image[j][1] * image[j][1];
		}
		double[][] r = new double[3][];
		double s = initial(image, r);
		double error = imageError(image, r, s);
		for (int it = 0; it < MAX_ITERATIONS; it++) {
			double[][] target = new double[n][];
			for (int j = 0; j < n; j++) {
				target[j] = new double[] {image[j][0], image[j][1], s * dot(r[2], model[j])};
			}
			double[][] next = horn(target);
			double num = 0, den = 0;
			for (int j = 0; j < n; j++) {
				double[] q = rotate(next, model[j]);
				num += dot(q, target[j]);
				den += dot(model[j], model[j]);
			}
			double nextScale = num / den;
			double nextError = imageError(image, next, nextScale);
			if (nextError > error) {
				break;
			}
			boolean converged = error - nextError <= 1e-12 * spread;
			r = next;
			s = nextScale;
			error = nextError;
			if (converged) {
				break;
			}
		}
		// The model's centroid projects onto the points' centroid; translation places model point (0,0,0).
		double tx = mx - s * dot(r[0], centroid), ty = my - s * dot(r[1], centroid);
		return new PoseFit(r, s, tx, ty, Math.sqrt(error / n));
	}

	/** The best affine projection made orthonormal; fills the rotation {@code r} and returns the scale. */
	private double initial(double[][] image, double[][] r) {
		double[][] pp = new double[3][3];
		double[][] ip = new double[2][3];
		for (int j = 0; j < model.length; j++) {
			for (int a = 0; a < 3; a++) {
				for (int b = 0; b < 3; b++) {
					pp[a][b] += model[j][a] * model[j][b];
				}
				ip[0][a] += image[j][0] * model[j][a];
				ip[1][a] += image[j][1] * model[j][a];
			}
		}
		double[][] inv = inverse3(pp);
		double[][] affine = new double[2][3];
		for (int i = 0; i < 2; i++) {
			for (int b = 0; b < 3; b++) {
				for (int a = 0; a < 3; a++) {
					affine[i][b] += ip[i][a] * inv[a][b];
				}
			}
		}
		// Polar decomposition A = K^(1/2) R with K = A A^T: R = K^(-1/2) A has orthonormal rows.
		double[][] k = {{dot(affine[0], affine[0]), dot(affine[0], affine[1])}, {dot(affine[1], affine[0]), dot(affine[1], affine[1])}};
		SymmetricEigen eig = new SymmetricEigen(k);
		double l0 = Math.max(eig.value(0), 1e-300), l1 = Math.max(eig.value(1), 1e-300);
		double[] u0 = eig.vector(0), u1 = eig.vector(1);
		double[][] kInvSqrt = new double[2][2];
		for (int i = 0; i < 2; i++) {
			for (int j = 0; j < 2; j++) {
				kInvSqrt[i][j] = u0[i] * u0[j] / Math.sqrt(l0) + u1[i] * u1[j] / Math.sqrt(l1);
			}
		}
		for (int i = 0; i < 2; i++) {
			r[i] = new double[3];
			for (int b = 0; b < 3; b++) {
				r[i][b] = kInvSqrt[i][0] * affine[0][b] + kInvSqrt[i][1] * affine[1][b];
			}
		}
		// Re-orthonormalise against rounding, then complete a proper rotation.
		normalise(r[0]);
		double d = dot(r[0], r[1]);
		for (int b = 0; b < 3; b++) {
			r[1][b] -= d * r[0][b];
		}
		normalise(r[1]);
		r[2] = cross(r[0], r[1]);
		return (Math.sqrt(l0) + Math.sqrt(l1)) / 2;
	}

	/** The rotation taking the centred model onto the centred 3-D targets (Horn 1987, unit quaternions). */
	private double[][] horn(double[][] target) {
		double[][] m = new double[3][3];
		for (int j = 0; j < model.length; j++) {
			for (int a = 0; a < 3; a++) {
				for (int b = 0; b < 3; b++) {
					m[a][b] += model[j][a] * target[j][b];
				}
			}
		}
		double sxx = m[0][0], sxy = m[0][1], sxz = m[0][2], syx = m[1][0], syy = m[1][1], syz = m[1][2];
		double szx = m[2][0], szy = m[2][1], szz = m[2][2];
		double[][] nm = {
				{sxx + syy + szz, syz - szy, szx - sxz, sxy - syx},
				{syz - szy, sxx - syy - szz, sxy + syx, szx + sxz},
				{szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy},
				{sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz}};
		double[] q = new SymmetricEigen(nm).vector(0);
		double w = q[0], x = q[1], y = q[2], z = q[3];
		return new double[][] {
				{w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y)},
				{2 * (y * x + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x)},
				{2 * (z * x - w * y), 2 * (z * y + w * x), w * w - x * x - y * y + z * z}};
	}

	private double imageError(double[][] image, double[][] r, double s) {
		double e = 0;
		for (int j = 0; j < model.length; j++) {
			double dx = image[j][0] - s * dot(r[0], model[j]);
			double dy = image[j][1] - s * dot(r[1], model[j]);
			e += dx * dx + dy * dy;
		}
		return e;
	}

	private static double[] rotate(double[][] r, double[] p) {
		return new double[] {dot(r[0], p), dot(r[1], p), dot(r[2], p)};
	}

	static double dot(double[] a, double[] b) {
		return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
	}

	static double[] cross(double[] a, double[] b) {
		return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
	}

	private static void normalise(double[] v) {
		double n = Math.sqrt(dot(v, v));
		for (int i = 0; i < 3; i++) {
			v[i] /= n;
		}
	}

	static double[][] inverse3(double[][] m) {
		double[] c0 = cross(m[1], m[2]), c1 = cross(m[2], m[0]), c2 = cross(m[0], m[1]);
		double det = dot(m[0], c0);
		if (Math.abs(det) < 1e-300) {
			throw new IllegalArgumentException("The mean face's points used for the pose lie in a line");
		}
		// The inverse of the matrix with rows m0, m1, m2 has columns c0/det, c1/det, c2/det (m_i . c_j = det if i = j, else 0).
		return new double[][] {{c0[0] / det, c1[0] / det, c2[0] / det}, {c0[1] / det, c1[1] / det, c2[1] / det},
				{c0[2] / det, c1[2] / det, c2[2] / det}};
	}
}
