package io.github.landmarkj.train;

import io.github.landmarkj.core.SyntheticOccluder;
import io.github.landmarkj.core.LoadedFace;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic video of one annotated face photo: the face moves smoothly (similarity transforms over
 * time, with an optional hand-held shake), the lighting changes, an occluder may pass in front of it,
 * fast motion blurs, and each frame may be noisy and JPEG-compressed. The true points of every frame are
 * the photo's points through that frame's transform: known by construction.
 */
public final class SyntheticVideo {
	/** The ranges a video is drawn from. */
	public record Settings(int frames, int frameSize, double fps, double minFaceSide, double maxFaceSide) {
		public Settings {
			if (frames < 2 || frameSize < 32 || !(fps > 0) || !(minFaceSide > 0) || maxFaceSide < minFaceSide) {
				throw new IllegalArgumentException("Bad synthetic video settings");
			}
		}

		public static Settings defaults() {
			return new Settings(40, 192, 30, 48, 96);
		}
	}

	private final LoadedFace face;
	private final Settings settings;
	private final FaceMotion motion;
	private final SmoothCurve shakeX;
	private final SmoothCurve shakeY;
	private final SmoothCurve gain;
	private final SmoothCurve offset;
	private final SmoothCurve gradient;
	private final double gradientAngle;
	private final double exposure;
	private final Occluder occluder;
	private final Photometric degradation;
	private final long noiseSeed;

	/** A passing occluder: a painted layer that slides across the frame during [start, end]. */
	private record Occluder(float[] colour, float[] mask, double start, double end, double fromX, double fromY, double toX, double toY) {
	}

	private SyntheticVideo(LoadedFace face, Settings settings, FaceMotion motion, SmoothCurve shakeX, SmoothCurve shakeY,
			SmoothCurve gain, SmoothCurve offset, SmoothCurve gradient, double gradientAngle, double exposure,
			Occluder occluder, Photometric degradation, long noiseSeed) {
		this.face = face;
		this.settings = settings;
		this.motion = motion;
		this.shakeX = shakeX;
		this.shakeY = shakeY;
		this.gain = gain;
		this.offset = offset;
		this.gradient = gradient;
		this.gradientAngle = gradientAngle;
		this.exposure = exposure;
		this.occluder = occluder;
		this.degradation = degradation;
		this.noiseSeed = noiseSeed;
	}

	/** A video with everything drawn from {@code rng}. */
	public static SyntheticVideo random(LoadedFace face, Settings s, Random rng) {
		double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
		for (Point2 p : face.points()) {
			minX = Math.min(minX, p.x);
			minY = Math.min(minY, p.y);
			maxX = Math.max(maxX, p.x);
			maxY = Math.max(maxY, p.y);
		}
		double side = Math.max(maxX - minX, maxY - minY);
		double base = s.minFaceSide + (s.maxFaceSide - s.minFaceSide) * rng.nextDouble();
		double spacing = 8 + 22 * rng.nextDouble();
		double margin = 0.6 * base * 1.15;
		double lo = Math.min(margin, s.frameSize / 2.0), hi = Math.max(s.frameSize - margin, s.frameSize / 2.0);
		double angle0 = -15 + 30 * rng.nextDouble();
		FaceMotion motion = new FaceMotion((minX + maxX) / 2, (minY + maxY) / 2, side,
				SmoothCurve.random(lo, hi, spacing, s.frames, rng), SmoothCurve.random(lo, hi, spacing, s.frames, rng),
				SmoothCurve.random(base * 0.85, base * 1.15, spacing, s.frames, rng),
				SmoothCurve.random(angle0 - 12, angle0 + 12, spacing, s.frames, rng));
		boolean shaky = rng.nextDouble() < 0.3;
		double shake = 0.5 + 1.5 * rng.nextDouble();
		SmoothCurve shakeX = shaky ? SmoothCurve.random(-shake, shake, 2.5, s.frames, rng) : SmoothCurve.constant(0);
		SmoothCurve shakeY = shaky ? SmoothCurve.random(-shake, shake, 2.5, s.frames, rng) : SmoothCurve.constant(0);
		double lightSpacing = 10 + 30 * rng.nextDouble();
		SmoothCurve gain = SmoothCurve.random(0.6, 1.3, lightSpacing, s.frames, rng);
		SmoothCurve offset = SmoothCurve.random(-30, 30, lightSpacing, s.frames, rng);
		SmoothCurve gradient = SmoothCurve.random(-0.5, 0.5, lightSpacing, s.frames, rng);
		double gradientAngle = 2 * Math.PI * rng.nextDouble();
		double exposure = rng.nextDouble() < 0.5 ? 0 : 0.3 + 0.7 * rng.nextDouble();
		Occluder occluder = rng.nextDouble() < 0.5 ? randomOccluder(s, rng) : null;
		Photometric degradation = new Photometric(0, 0, 0, rng.nextDouble() < 0.5 ? 1 : 0, rng.nextDouble() < 0.6 ? 1 : 0);
		return new SyntheticVideo(face, s, motion, shakeX, shakeY, gain, offset, gradient, gradientAngle, exposure, occluder,
				degradation, rng.nextLong());
	}

	private static Occluder randomOccluder(Settings s, Random rng) {
		int n = s.frameSize;
		float[] colour = new float[3 * n * n];
		float[] mask = new SyntheticOccluder(0.25, 0.55).paint(colour, n, null, rng);
		double duration = 8 + rng.nextInt(Math.max(1, s.frames / 2));
		double start = rng.nextDouble() * Math.max(1, s.frames - duration * 0.5) - duration * 0.25;
		double direction = 2 * Math.PI * rng.nextDouble();
		double reach = 0.9 * n;
		return new Occluder(colour, mask, start, start + duration, -reach * Math.cos(direction), -reach * Math.sin(direction),
				reach * Math.cos(direction), reach * Math.sin(direction));
	}

	/** The same video without the passing occluder, noise and compression (for tests of its geometry). */
	SyntheticVideo withoutOccluderNoiseOrCompression() {
		return new SyntheticVideo(face, settings, motion, shakeX, shakeY, gain, offset, gradient, gradientAngle, exposure, null,
				new Photometric(0, 0, 0, 0, 0), noiseSeed);
	}

	/** Whether frames are exposed over part of the interval between frames (motion blur). */
	boolean blurred() {
		return exposure > 0;
	}

	public Settings settings() {
		return settings;
	}

	public String source() {
		return face.id();
	}

	/** Photo to frame at time {@code t}. */
	public SimilarityTransform transformAt(double t) {
		return SimilarityTransform.translation(shakeX.at(t), shakeY.at(t)).compose(motion.at(t));
	}

	/** The true points in frame {@code t}: the photo's points through the frame's transform. */
	public List<Point2> truth(int t) {
		SimilarityTransform m = transformAt(t);
		List<Point2> out = new ArrayList<>(face.points().size());
		for (Point2 p : face.points()) {
			out.add(m.apply(p));
		}
		return out;
	}

	/**
	 * Frame {@code t}: the exposure is centred on the frame's time, so that a blurred face is centred on
	 * its true points; then noise and compression.
	 */
	public RgbImage frame(int t) {
		int n = settings.frameSize;
		int samples = exposure > 0 ? 3 : 1;
		float[] sum = new float[3 * n * n];
		for (int k = 0; k < samples; k++) {
			double time = samples == 1 ? t : t + exposure * (k / (samples - 1.0) - 0.5);
			float[] p = sharp(time);
			for (int i = 0; i < sum.length; i++) {
				sum[i] += p[i] / samples;
			}
		}
		degradation.apply(sum, n, new Random(noiseSeed + 7919L * t));
		return RgbImage.wrap(n, n, sum);
	}

	private float[] sharp(double time) {
		int n = settings.frameSize, plane = n * n;
		float[] p = face.image().warp(transformAt(time), n, n).toPlanarArray();
		double g = gain.at(time), o = offset.at(time), grad = gradient.at(time);
		double gx = grad * Math.cos(gradientAngle) / n, gy = grad * Math.sin(gradientAngle) / n;
		for (int y = 0; y < n; y++) {
			for (int x = 0; x < n; x++) {
				double light = g * (1 + gx * (x - n / 2.0) + gy * (y - n / 2.0));
				for (int c = 0; c < 3; c++) {
					int i = c * plane + y * n + x;
					p[i] = clamp(p[i] * light + o);
				}
			}
		}
		if (occluder != null && time >= occluder.start && time <= occluder.end) {
			double u = (time - occluder.start) / (occluder.end - occluder.start);
			int dx = (int) Math.round(occluder.fromX + (occluder.toX - occluder.fromX) * u);
			int dy = (int) Math.round(occluder.fromY + (occluder.toY - occluder.fromY) * u);
			for (int y = 0; y < n; y++) {
				int sy = y - dy;
				if (sy < 0 || sy >= n) {
					continue;
				}
				for (int x = 0; x < n; x++) {
					int sx = x - dx;
					if (sx < 0 || sx >= n) {
						continue;
					}
					float m = occluder.mask[sy * n + sx];
					if (m > 0) {
						for (int c = 0; c < 3; c++) {
							int i = c * plane + y * n + x;
							p[i] = p[i] * (1 - m) + occluder.colour[c * plane + sy * n + sx] * m;
						}
					}
				}
			}
		}
		return p;
	}

	private static float clamp(double v) {
		return (float) Math.max(0, Math.min(255, v));
	}
}
