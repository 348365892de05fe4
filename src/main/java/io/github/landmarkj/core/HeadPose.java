package io.github.landmarkj.core;

import java.util.Locale;

/**
 * Head pose in degrees, in image terms: {@code pitch} &gt; 0 when the face turns up, {@code yaw} &gt; 0 when
 * it turns toward the image's left (the subject's right), {@code roll} &gt; 0 when it is tilted clockwise as
 * seen in the image. The rotation from the mean face to the camera is Rz(roll) Ry(yaw) Rx(-pitch) in
 * image axes (x right, y down, z away from the camera). Immutable.
 */
public record HeadPose(double pitch, double yaw, double roll) {
	public static final HeadPose FRONTAL = new HeadPose(0, 0, 0);
	/** No pose: the points cannot be fitted (all on one spot, or not finite). */
	public static final HeadPose UNKNOWN = new HeadPose(Double.NaN, Double.NaN, Double.NaN);

	/** False for {@link #UNKNOWN}. */
	public boolean isKnown() {
		return Double.isFinite(pitch) && Double.isFinite(yaw) && Double.isFinite(roll);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "HeadPose[pitch=%.1f, yaw=%.1f, roll=%.1f]", pitch, yaw, roll);
	}
}
