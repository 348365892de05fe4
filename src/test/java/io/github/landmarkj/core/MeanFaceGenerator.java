package io.github.landmarkj.core;

import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.train.ValidationSplit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the bundled 3-D mean face ({@code src/main/resources/landmarkj/pose/mean-face-ibug68.csv}) from the
 * project's own 2-D annotations, training split only (the validation split, every 8th photo per folder, is
 * left out), by rigid factorisation (Tomasi and Kanade 1992, scaled orthographic cameras):
 * <ol>
 * <li>faces that look roughly at the camera (nose tip within 0.3 outer-eye-corner distances of the eyes'
 * midpoint across the face, i.e. yaw below about 35 degrees) are centred and scaled to unit RMS size;</li>
 * <li>their stacked coordinates W (2F x 68) are factorised at rank 3 (eigenvectors of W^T W): W = M S;</li>
 * <li>the metric upgrade Q (S := Q^-1 S, M := M Q) makes every face's two camera rows orthogonal and of equal
 * length (least squares for L = Q Q^T, then Cholesky);</li>
 * <li>the shape is put in image-like axes: x along the left-right differences of mirror pairs, y down the
 * face, z away from the camera with the nose tip in front (this fixes the depth reflection factorisation
 * cannot see), made exactly mirror-symmetric, and turned about x so that its frontal view matches the mean
 * 2-D training face best (so zero pitch is the average training photo's pitch);</li>
 * <li>scaled to one outer-eye-corner distance, centred on its centroid.</li>
 * </ol>
 * Run: {@code mvn -o -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt)
 * io.github.landmarkj.core.MeanFaceGenerator [TRAIN_FOLDER] [OUTPUT_CSV]} (defaults
 * ../shared/data/face68/train and the resource path). Deterministic.
 */
public final class MeanFaceGenerator {
	private static final int N = 68;
	private static final int FIRST_INNER = 17;
	private static final int INNER = N - FIRST_INNER;
	private static final double MAX_NOSE_OFFSET = 0.3;

	private MeanFaceGenerator() {
	}

	public static void main(String[] args) throws IOException {
		Path train = Paths.get(args.length > 0 ? args[0] : "../shared/data/face68/train");
		Path out = Paths.get(args.length > 1 ? args[1] : "src/main/resources/landmarkj/pose/mean-face-ibug68.csv");
		List<AnnotatedFace> all = AnnotatedFolderReader.read(train).faces();
		List<AnnotatedFace> training = new ValidationSplit(8).split(all).get(0);
		List<double[][]> shapes = new ArrayList<>();
		for (AnnotatedFace f : training) {
			if (f.size() == N && frontalish(f.points())) {
				shapes.add(normalised(f.points()));
			}
		}
		System.out.printf(Locale.ROOT, "faces: %d read, %d training, %d frontal-ish used%n", all.size(), training.size(), shapes.size());
		double[][] s = factorise(shapes);
		s = canonical(s, shapes);
		double residual = meanResidual(new MeanFace3D(s), training);
		StringBuilder text = new StringBuilder();
		text.append("# LandmarkJ 3-D mean face, iBUG 68 points (0-based), built by io.github.landmarkj.core.MeanFaceGenerator\n");
		text.append("# (src/test/java) from the project's 2-D annotations of ../shared/data/face68/train (300-W re-annotations of\n");
		text.append(String.format(Locale.ROOT, "# LFPW, HELEN, AFW), training split only (every 8th photo per folder left out): %d of %d training\n",
				shapes.size(), training.size()));
		text.append("# faces, those with the nose tip within 0.3 outer-eye distances of the eyes' midpoint, by rigid rank-3\n");
		text.append("# factorisation of the 51 inner points (jaw points then placed by least squares over the same cameras)\n");
		text.append("# (Tomasi-Kanade) with a scaled-orthographic metric upgrade, made mirror-symmetric.\n");
		text.append("# Axes: x image right, y down, z away from the camera; nose tip toward the camera. Unit: outer-eye-corner\n");
		text.append("# distance (points 36-45); origin: centroid. Zero pitch = the mean training photo's frontal view.\n");
		text.append(String.format(Locale.ROOT,
				"# Fit check: RMS image residual of the 51 inner points over all %d training faces, median %.4f outer-eye distances.\n",
				training.size(), residual));
		text.append("# Derived by LandmarkJ from the 300-W annotations (research use only, see the face68 model card); the\n");
		text.append("# numbers and the generator are the project's own, Apache-2.0. Not OpenFace's or any other published model.\n");
		text.append("point,x,y,z\n");
		for (int i = 0; i < N; i++) {
			text.append(String.format(Locale.ROOT, "%d,%.5f,%.5f,%.5f%n", i, s[i][0], s[i][1], s[i][2]));
		}
		Files.createDirectories(out.toAbsolutePath().getParent());
		Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
		Files.write(tmp, text.toString().getBytes(StandardCharsets.UTF_8));
		Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		System.out.print(text);
		System.out.printf(Locale.ROOT, "nose tip depth in front of the outer eye corners: %.3f outer-eye distances%n",
				(s[36][2] + s[45][2]) / 2 - s[30][2]);
		System.out.println("written " + out);
	}

	/** Nose tip near the eyes' midpoint across the face: yaw below about 35 degrees. */
	static boolean frontalish(List<Point2> p) {
		Point2 r = p.get(36), l = p.get(45), nose = p.get(30);
		double ex = l.x - r.x, ey = l.y - r.y;
		double d = Math.hypot(ex, ey);
		double across = ((nose.x - (r.x + l.x) / 2) * ex + (nose.y - (r.y + l.y) / 2) * ey) / (d * d);
		return Math.abs(across) < MAX_NOSE_OFFSET;
	}

	/** Centred on the inner points, their RMS size one, as {x[], y[]}. */
	static double[][] normalised(List<Point2> p) {
		double mx = 0, my = 0;
		for (int i = FIRST_INNER; i < N; i++) {
			mx += p.get(i).x / INNER;
			my += p.get(i).y / INNER;
		}
		double ss = 0;
		for (int i = FIRST_INNER; i < N; i++) {
			ss += Math.pow(p.get(i).x - mx, 2) + Math.pow(p.get(i).y - my, 2);
		}
		double scale = Math.sqrt(ss / INNER);
		double[][] out = new double[2][p.size()];
		for (int i = 0; i < p.size(); i++) {
			out[0][i] = (p.get(i).x - mx) / scale;
			out[1][i] = (p.get(i).y - my) / scale;
		}
		return out;
	}

	/** Rank-3 factorisation with metric upgrade: the 3-D shape as [point][xyz], in an arbitrary rotation. */
	static double[][] factorise(List<double[][]> shapes) {
		int f = shapes.size();
		double[][] g = new double[INNER][INNER];
		for (double[][] s : shapes) {
			for (double[] row : s) {
				for (int i = 0; i < INNER; i++) {
					for (int j = 0; j < INNER; j++) {
						g[i][j] += row[FIRST_INNER + i] * row[FIRST_INNER + j];
					}
				}
			}
		}
		SymmetricEigen eig = new SymmetricEigen(g);
		double[][] sHat = {eig.vector(0), eig.vector(1), eig.vector(2)}; // 3 x INNER, orthonormal rows
		System.out.printf(Locale.ROOT, "singular values^2: %.1f %.1f %.1f | %.1f %.1f%n", eig.value(0), eig.value(1), eig.value(2),
				eig.value(3), eig.value(4));
		// Camera rows: M = W S^T.
		double[][] m = new double[2 * f][3];
		for (int k = 0; k < f; k++) {
			for (int r = 0; r < 2; r++) {
				for (int c = 0; c < 3; c++) {
					double v = 0;
					for (int i = 0; i < INNER; i++) {
						v += shapes.get(k)[r][FIRST_INNER + i] * sHat[c][i];
					}
					m[2 * k + r][c] = v;
				}
			}
		}
		// Metric upgrade: a L a^T - b L b^T = 0 and a L b^T = 0 per face, L symmetric (6 unknowns), least squares
		// with the scale fixed by the mean of a L a^T + b L b^T being 2.
		double[][] ata = new double[7][7];
		for (int k = 0; k < f; k++) {
			double[] a = m[2 * k], b = m[2 * k + 1];
			double[] e1 = sub(quad(a, a), quad(b, b));
			double[] e2 = quad(a, b);
			accumulate(ata, e1, 0);
			accumulate(ata, e2, 0);
		}
		// Homogeneous least squares: the smallest eigenvector of the 6x6 normal matrix, scaled afterwards.
		double[][] n6 = new double[6][6];
		for (int i = 0; i < 6; i++) {
			System.arraycopy(ata[i], 0, n6[i], 0, 6);
		}
		SymmetricEigen e6 = new SymmetricEigen(n6);
		double[] l = e6.vector(5);
		double[][] lm = {{l[0], l[1], l[2]}, {l[1], l[3], l[4]}, {l[2], l[4], l[5]}};
		double norm = 0;
		for (int k = 0; k < f; k++) {
			norm += (quadForm(m[2 * k], lm) + quadForm(m[2 * k + 1], lm)) / (2 * f);
		}
		for (double[] row : lm) {
			for (int c = 0; c < 3; c++) {
				row[c] /= norm;
			}
		}
		SymmetricEigen le = new SymmetricEigen(lm);
		System.out.printf(Locale.ROOT, "metric upgrade L eigenvalues: %.4f %.4f %.4f%n", le.value(0), le.value(1), le.value(2));
		if (!(le.value(2) > 0)) {
			throw new IllegalStateException("Metric upgrade failed: L is not positive definite");
		}
		// Q = L^(1/2) (any Q with Q Q^T = L will do; the rotation is fixed later). S = Q^-1 S_hat.
		double[][] qInv = new double[3][3];
		for (int k = 0; k < 3; k++) {
			double[] v = le.vector(k);
			for (int i = 0; i < 3; i++) {
				for (int j = 0; j < 3; j++) {
					qInv[i][j] += v[i] * v[j] / Math.sqrt(le.value(k));
				}
			}
		}
		// Metric cameras M Q; every point (jaw included) is then placed by least squares over all faces'
		// cameras. The jaw takes no part in the factorisation: its annotations follow the visible outline,
		// which slides over the face as it turns, so they are not points of a rigid shape.
		double[][] q = inverse(qInv);
		double[][] normal = new double[3][3];
		double[][] rhs = new double[N][3];
		for (int k = 0; k < f; k++) {
			for (int r = 0; r < 2; r++) {
				double[] row = new double[3];
				for (int c = 0; c < 3; c++) {
					for (int j = 0; j < 3; j++) {
						row[c] += m[2 * k + r][j] * q[j][c];
					}
				}
				for (int a = 0; a < 3; a++) {
					for (int b = 0; b < 3; b++) {
						normal[a][b] += row[a] * row[b];
					}
					for (int i = 0; i < N; i++) {
						rhs[i][a] += row[a] * shapes.get(k)[r][i];
					}
				}
			}
		}
		double[][] inv = inverse(normal);
		double[][] shape = new double[N][3];
		for (int i = 0; i < N; i++) {
			for (int a = 0; a < 3; a++) {
				for (int b = 0; b < 3; b++) {
					shape[i][a] += inv[a][b] * rhs[i][b];
				}
			}
		}
		return shape;
	}

	private static double[][] inverse(double[][] m) {
		double[][] t = {m[0].clone(), m[1].clone(), m[2].clone()};
		double[][] inv = HeadPoseEstimator.inverse3(t);
		return inv;
	}

	/** Coefficients of a L b^T in the unknowns (L11, L12, L13, L22, L23, L33). */
	private static double[] quad(double[] a, double[] b) {
		return new double[] {a[0] * b[0], a[0] * b[1] + a[1] * b[0], a[0] * b[2] + a[2] * b[0], a[1] * b[1], a[1] * b[2] + a[2] * b[1],
				a[2] * b[2]};
	}

	private static double quadForm(double[] a, double[][] l) {
		double s = 0;
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				s += a[i] * l[i][j] * a[j];
			}
		}
		return s;
	}

	private static double[] sub(double[] a, double[] b) {
		double[] c = new double[a.length];
		for (int i = 0; i < a.length; i++) {
			c[i] = a[i] - b[i];
		}
		return c;
	}

	private static void accumulate(double[][] ata, double[] e, double rhs) {
		for (int i = 0; i < 6; i++) {
			for (int j = 0; j < 6; j++) {
				ata[i][j] += e[i] * e[j];
			}
		}
	}

	/** Image-like axes, mirror-symmetric, pitch matched to the mean 2-D face, one eye distance, centred. */
	static double[][] canonical(double[][] s, List<double[][]> shapes) {
		int[] mirror = LandmarkScheme.ibug68().mirror();
		double[][] d = new double[3][3];
		for (int i = 0; i < N; i++) {
			if (mirror[i] > i) {
				double[] v = {s[i][0] - s[mirror[i]][0], s[i][1] - s[mirror[i]][1], s[i][2] - s[mirror[i]][2]};
				for (int a = 0; a < 3; a++) {
					for (int b = 0; b < 3; b++) {
						d[a][b] += v[a] * v[b];
					}
				}
			}
		}
		double[] x = new SymmetricEigen(d).vector(0);
		if (dotDiff(x, s[45], s[36]) < 0) {
			x = scale(x, -1);
		}
		// y: from the eyes' midpoint to the chin, made orthogonal to x.
		double[] down = new double[3];
		for (int c = 0; c < 3; c++) {
			down[c] = s[8][c] - (s[36][c] + s[45][c]) / 2;
		}
		double[] y = orthogonalUnit(down, x);
		double[] z = HeadPoseEstimator.cross(x, y);
		double[][] t = new double[N][3];
		for (int i = 0; i < N; i++) {
			t[i] = new double[] {HeadPoseEstimator.dot(x, s[i]), HeadPoseEstimator.dot(y, s[i]), HeadPoseEstimator.dot(z, s[i])};
		}
		double meanZ = 0;
		for (double[] p : t) {
			meanZ += p[2] / N;
		}
		if (t[30][2] > meanZ) { // nose behind the face: the depth-reflected solution
			for (double[] p : t) {
				p[2] = -p[2];
			}
		}
		// Exactly symmetric: average each point with its mirror partner reflected in x.
		double[][] sym = new double[N][3];
		for (int i = 0; i < N; i++) {
			double[] p = t[i], q = t[mirror[i]];
			sym[i] = new double[] {(p[0] - q[0]) / 2, (p[1] + q[1]) / 2, (p[2] + q[2]) / 2};
		}
		double[][] rotated = bestPitch(sym, mean2d(shapes, mirror));
		double eye = rotated[45][0] - rotated[36][0];
		double[] c = new double[3];
		for (double[] p : rotated) {
			for (int k = 0; k < 3; k++) {
				c[k] += p[k] / N;
			}
		}
		double[][] out = new double[N][3];
		for (int i = 0; i < N; i++) {
			for (int k = 0; k < 3; k++) {
				out[i][k] = (rotated[i][k] - c[k]) / eye;
			}
			out[i][0] = i == mirror[i] ? 0 : out[i][0];
		}
		return out;
	}

	/** The mean of the (mirror-augmented) 2-D shapes, each aligned to the first by a similarity. */
	static double[][] mean2d(List<double[][]> shapes, int[] mirror) {
		double[][] ref = shapes.get(0);
		double[][] sum = new double[2][N];
		for (double[][] s : shapes) {
			for (int flip = 0; flip < 2; flip++) {
				double[][] v = new double[2][N];
				for (int i = 0; i < N; i++) {
					int k = flip == 0 ? i : mirror[i];
					v[0][i] = flip == 0 ? s[0][k] : -s[0][k];
					v[1][i] = s[1][k];
				}
				double[][] a = alignTo(v, ref);
				for (int i = 0; i < N; i++) {
					sum[0][i] += a[0][i];
					sum[1][i] += a[1][i];
				}
			}
		}
		return sum;
	}

	/** {@code v} moved onto {@code ref} by the least-squares similarity (both centred). */
	static double[][] alignTo(double[][] v, double[][] ref) {
		double a = 0, b = 0, n = 0;
		for (int i = 0; i < v[0].length; i++) {
			a += v[0][i] * ref[0][i] + v[1][i] * ref[1][i];
			b += v[0][i] * ref[1][i] - v[1][i] * ref[0][i];
			n += v[0][i] * v[0][i] + v[1][i] * v[1][i];
		}
		a /= n;
		b /= n;
		double[][] out = new double[2][v[0].length];
		for (int i = 0; i < v[0].length; i++) {
			out[0][i] = a * v[0][i] - b * v[1][i];
			out[1][i] = b * v[0][i] + a * v[1][i];
		}
		return out;
	}

	/** The shape turned about x so that its orthographic view fits the 2-D mean face best (0.01 degree steps). */
	static double[][] bestPitch(double[][] s, double[][] mean) {
		double bestAngle = 0, bestError = Double.POSITIVE_INFINITY;
		for (int step = -4500; step <= 4500; step++) {
			double angle = Math.toRadians(step / 100.0);
			double e = viewError(turned(s, angle), mean);
			if (e < bestError) {
				bestError = e;
				bestAngle = angle;
			}
		}
		System.out.printf(Locale.ROOT, "turned about x by %.2f degrees to match the mean 2-D face%n", Math.toDegrees(bestAngle));
		return turned(s, bestAngle);
	}

	private static double[][] turned(double[][] s, double angle) {
		double c = Math.cos(angle), sn = Math.sin(angle);
		double[][] out = new double[s.length][];
		for (int i = 0; i < s.length; i++) {
			out[i] = new double[] {s[i][0], c * s[i][1] - sn * s[i][2], sn * s[i][1] + c * s[i][2]};
		}
		return out;
	}

	private static double viewError(double[][] s, double[][] mean) {
		double[][] v = new double[2][N];
		double mx = 0, my = 0, mmx = 0, mmy = 0;
		for (int i = 0; i < N; i++) {
			mx += s[i][0] / N;
			my += s[i][1] / N;
			mmx += mean[0][i] / N;
			mmy += mean[1][i] / N;
		}
		double[][] m = new double[2][N];
		for (int i = 0; i < N; i++) {
			v[0][i] = s[i][0] - mx;
			v[1][i] = s[i][1] - my;
			m[0][i] = mean[0][i] - mmx;
			m[1][i] = mean[1][i] - mmy;
		}
		double[][] a = alignTo(v, m);
		double e = 0, n = 0;
		for (int i = 17; i < N; i++) {
			e += Math.pow(a[0][i] - m[0][i], 2) + Math.pow(a[1][i] - m[1][i], 2);
			n += m[0][i] * m[0][i] + m[1][i] * m[1][i];
		}
		return e / n;
	}

	/** Median over faces of the RMS image residual of the pose fit, in outer-eye-corner distances. */
	static double meanResidual(MeanFace3D face, List<AnnotatedFace> faces) {
		HeadPoseEstimator est = new HeadPoseEstimator(face, inner());
		double[] r = new double[faces.size()];
		for (int k = 0; k < faces.size(); k++) {
			List<Point2> p = faces.get(k).points();
			PoseFit fit = est.fit(p);
			r[k] = fit.rmsResidual / fit.scale;
		}
		java.util.Arrays.sort(r);
		return r[r.length / 2];
	}

	static int[] inner() {
		int[] inner = new int[51];
		for (int i = 0; i < 51; i++) {
			inner[i] = 17 + i;
		}
		return inner;
	}

	private static double dotDiff(double[] x, double[] a, double[] b) {
		return x[0] * (a[0] - b[0]) + x[1] * (a[1] - b[1]) + x[2] * (a[2] - b[2]);
	}

	private static double[] scale(double[] v, double k) {
		return new double[] {v[0] * k, v[1] * k, v[2] * k};
	}

	private static double[] orthogonalUnit(double[] v, double[] unit) {
		double d = HeadPoseEstimator.dot(v, unit);
		double[] o = {v[0] - d * unit[0], v[1] - d * unit[1], v[2] - d * unit[2]};
		double n = Math.sqrt(HeadPoseEstimator.dot(o, o));
		return scale(o, 1 / n);
	}
}
