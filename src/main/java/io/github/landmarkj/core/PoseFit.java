package io.github.landmarkj.core;

/**
 * A mean face fitted to a face's points by scaled orthographic projection: image point = scale * (first two
 * rows of rotation) * model point + translation. Holds the head pose and what is needed to draw head axes.
 * Immutable.
 */
public final class PoseFit {
	public final HeadPose pose;
	/** Pixels per model unit (per outer-eye-corner distance for the bundled mean face). */
	public final double scale;
	/** Root mean square distance, in pixels, between the points and the fitted model's projection. */
	public final double rmsResidual;
	private final double[][] rotation;
	private final double tx;
	private final double ty;

	PoseFit(double[][] rotation, double scale, double tx, double ty, double rmsResidual) {
		this.rotation = new double[][] {rotation[0].clone(), rotation[1].clone(), rotation[2].clone()};
		this.scale = scale;
		this.tx = tx;
		this.ty = ty;
		this.rmsResidual = rmsResidual;
		this.pose = anglesOf(this.rotation);
	}

	/** Where the fitted model puts a model point {x, y, z} in the image. */
	public Point2 project(double[] modelPoint) {
		double[] r0 = rotation[0], r1 = rotation[1];
		return new Point2(tx + scale * (r0[0] * modelPoint[0] + r0[1] * modelPoint[1] + r0[2] * modelPoint[2]),
				ty + scale * (r1[0] * modelPoint[0] + r1[1] * modelPoint[1] + r1[2] * modelPoint[2]));
	}

	/**
	 * Head axes for drawing: {origin, x end, y end, z end} in image pixels, the axes {@code length} model
	 * units long from {@code origin} (a model point, e.g. the nose tip). x points to the subject's left, y
	 * down the face, z out of the face toward the camera when frontal.
	 */
	public Point2[] axes(double[] origin, double length) {
		double[][] ends = {origin, {origin[0] + length, origin[1], origin[2]}, {origin[0], origin[1] + length, origin[2]},
				{origin[0], origin[1], origin[2] - length}};
		Point2[] out = new Point2[4];
		for (int i = 0; i < 4; i++) {
			out[i] = project(ends[i]);
		}
		return out;
	}

	/** Row {@code i} of the rotation from model to camera axes. */
	public double[] rotationRow(int i) {
		return rotation[i].clone();
	}

	/** R = Rz(roll) Ry(yaw) Rx(-pitch) (see {@link HeadPose}), decomposed. */
	static HeadPose anglesOf(double[][] r) {
		double yaw = Math.asin(Math.max(-1, Math.min(1, -r[2][0])));
		double pitch = -Math.atan2(r[2][1], r[2][2]);
		double roll = Math.atan2(r[1][0], r[0][0]);
		return new HeadPose(Math.toDegrees(pitch), Math.toDegrees(yaw), Math.toDegrees(roll));
	}

	/** The rotation Rz(roll) Ry(yaw) Rx(-pitch) of a pose (degrees). */
	static double[][] rotationOf(HeadPose pose) {
		double a = Math.toRadians(-pose.pitch()), b = Math.toRadians(pose.yaw()), c = Math.toRadians(pose.roll());
		double[][] rx = {{1, 0, 0}, {0, Math.cos(a), -Math.sin(a)}, {0, Math.sin(a), Math.cos(a)}};
		double[][] ry = {{Math.cos(b), 0, Math.sin(b)}, {0, 1, 0}, {-Math.sin(b), 0, Math.cos(b)}};
		double[][] rz = {{Math.cos(c), -Math.sin(c), 0}, {Math.sin(c), Math.cos(c), 0}, {0, 0, 1}};
		return multiply(rz, multiply(ry, rx));
	}

	static double[][] multiply(double[][] a, double[][] b) {
		double[][] c = new double[3][3];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				for (int k = 0; k < 3; k++) {
					c[i][j] += a[i][k] * b[k][j];
				}
			}
		}
		return c;
	}
}
