package io.github.landmarkj.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A rigid 3-D mean face for the 68-point iBUG scheme, in image-like axes: x to the image's right (the
 * subject's left), y down, z away from the camera; a frontal face (zero pose) looks along -z. Units are
 * outer-eye-corner distances, origin at the centroid. The bundled shape ({@link #bundled()}) was built by
 * the project from its own 2-D training annotations by rigid factorisation; how is written at the top of
 * the resource {@code landmarkj/pose/mean-face-ibug68.csv} and in its generator
 * ({@code src/test/java/io/github/landmarkj/core/MeanFaceGenerator.java}). Immutable.
 */
public final class MeanFace3D {
	public static final String RESOURCE = "/landmarkj/pose/mean-face-ibug68.csv";

	private final double[][] points; // [i] = {x, y, z}

	public MeanFace3D(double[][] points) {
		this.points = new double[points.length][];
		for (int i = 0; i < points.length; i++) {
			if (points[i].length != 3) {
				throw new IllegalArgumentException("Point " + i + " of a 3-D face needs 3 coordinates");
			}
			this.points[i] = points[i].clone();
		}
	}

	/** The shape bundled with LandmarkJ (68 iBUG points). */
	public static MeanFace3D bundled() {
		try (InputStream in = MeanFace3D.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The 3-D mean face " + RESOURCE + " is missing from the jar");
			}
			return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read the 3-D mean face " + RESOURCE, e);
		}
	}

	/** Reads {@code point,x,y,z} lines after {@code #} comments and a header. */
	public static MeanFace3D read(BufferedReader reader) throws IOException {
		List<double[]> rows = new ArrayList<>();
		String line;
		boolean header = false;
		while ((line = reader.readLine()) != null) {
			line = line.trim();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (!header) {
				header = true;
				continue;
			}
			String[] f = line.split(",");
			if (f.length != 4 || Integer.parseInt(f[0].trim()) != rows.size()) {
				throw new IOException("Bad 3-D mean face line " + (rows.size() + 1) + ": " + line);
			}
			rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
		}
		return new MeanFace3D(rows.toArray(new double[0][]));
	}

	public int size() {
		return points.length;
	}

	/** A copy of point {@code i} as {x, y, z}. */
	public double[] point(int i) {
		return points[i].clone();
	}

	/** The frontal view: the shape projected orthographically onto the image plane, scaled and moved. */
	public List<Point2> frontalProjection(double scale, double cx, double cy) {
		List<Point2> out = new ArrayList<>(points.length);
		for (double[] p : points) {
			out.add(new Point2(cx + scale * p[0], cy + scale * p[1]));
		}
		return out;
	}
}
