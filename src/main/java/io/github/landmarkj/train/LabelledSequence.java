package io.github.landmarkj.train;

import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.TemporalFeatures;
import io.github.landmarkj.io.OutputFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One face's track through a video with its ground truth: per frame, the per-frame network's points and
 * confidences ("raw") and the true points. Points are stored interleaved (x0, y0, x1, y1, ...) per frame,
 * in frame pixels. Immutable: the arrays never leave this object unless copied.
 */
public final class LabelledSequence {
	private static final int MAGIC = 0x4c4a5453; // "LJTS"
	private static final int VERSION = 1;

	public final String source;
	public final int frames;
	public final int points;
	public final double fps;
	public final int width;
	public final int height;
	private final float[] truth;
	private final float[] raw;
	private final float[] confidence;

	/**
	 * @param truth frames x points x 2, @param raw likewise, @param confidence frames x points; the arrays
	 * are copied
	 */
	public LabelledSequence(String source, int frames, int points, double fps, int width, int height, float[] truth,
			float[] raw, float[] confidence) {
		if (frames < 1 || points < 1) {
			throw new IllegalArgumentException("A sequence needs at least one frame and one point");
		}
		if (truth.length != frames * points * 2 || raw.length != truth.length || confidence.length != frames * points) {
			throw new IllegalArgumentException("Array lengths do not match " + frames + " frames of " + points + " points");
		}
		this.source = source;
		this.frames = frames;
		this.points = points;
		this.fps = fps;
		this.width = width;
		this.height = height;
		this.truth = truth.clone();
		this.raw = raw.clone();
		this.confidence = confidence.clone();
	}

	public float truthX(int frame, int point) {
		return truth[(frame * points + point) * 2];
	}

	public float truthY(int frame, int point) {
		return truth[(frame * points + point) * 2 + 1];
	}

	public float rawX(int frame, int point) {
		return raw[(frame * points + point) * 2];
	}

	public float rawY(int frame, int point) {
		return raw[(frame * points + point) * 2 + 1];
	}

	public float confidence(int frame, int point) {
		return confidence[frame * points + point];
	}

	/** A copy of all true points, frames x points x 2. */
	public float[] truthXy() {
		return truth.clone();
	}

	/** A copy of all per-frame points, frames x points x 2. */
	public float[] rawXy() {
		return raw.clone();
	}

	/** A copy of all per-frame confidences, frames x points. */
	public float[] rawConfidence() {
		return confidence.clone();
	}

	public List<Point2> truth(int frame) {
		return TemporalFeatures.frame(truth, points, frame);
	}

	public List<Point2> raw(int frame) {
		return TemporalFeatures.frame(raw, points, frame);
	}

	public double[] confidences(int frame) {
		double[] c = new double[points];
		for (int i = 0; i < points; i++) {
			c[i] = confidence[frame * points + i];
		}
		return c;
	}

	/**
	 * The same video mirrored left to right (x -> width - 1 - x) with the points renumbered by the scheme's
	 * mirror permutation (new point i = old point mirror[i]), as the per-frame network would see it.
	 */
	public LabelledSequence mirrored(int[] mirror) {
		if (mirror.length != points) {
			throw new IllegalArgumentException("Mirror permutation has " + mirror.length + " entries for " + points + " points");
		}
		float[] t = new float[truth.length], r = new float[raw.length], c = new float[confidence.length];
		for (int f = 0; f < frames; f++) {
			for (int i = 0; i < points; i++) {
				int from = f * points + mirror[i], to = f * points + i;
				t[2 * to] = width - 1 - truth[2 * from];
				t[2 * to + 1] = truth[2 * from + 1];
				r[2 * to] = width - 1 - raw[2 * from];
				r[2 * to + 1] = raw[2 * from + 1];
				c[to] = confidence[from];
			}
		}
		return new LabelledSequence(source + " mirrored", frames, points, fps, width, height, t, r, c);
	}

	/** The same video played backwards. */
	public LabelledSequence reversed() {
		float[] t = new float[truth.length], r = new float[raw.length], c = new float[confidence.length];
		int stride = points * 2;
		for (int f = 0; f < frames; f++) {
			int g = frames - 1 - f;
			System.arraycopy(truth, g * stride, t, f * stride, stride);
			System.arraycopy(raw, g * stride, r, f * stride, stride);
			System.arraycopy(confidence, g * points, c, f * points, points);
		}
		return new LabelledSequence(source + " reversed", frames, points, fps, width, height, t, r, c);
	}

	/** Writes the sequence atomically (temporary file, then move). */
	public void write(Path file) throws IOException {
		OutputFiles.write(file, true, stream -> {
			DataOutputStream out = new DataOutputStream(stream);
			out.writeInt(MAGIC);
			out.writeInt(VERSION);
			out.writeUTF(source);
			out.writeInt(frames);
			out.writeInt(points);
			out.writeDouble(fps);
			out.writeInt(width);
			out.writeInt(height);
			for (float v : truth) {
				out.writeFloat(v);
			}
			for (float v : raw) {
				out.writeFloat(v);
			}
			for (float v : confidence) {
				out.writeFloat(v);
			}
			out.flush();
		});
	}

	public static LabelledSequence read(Path file) throws IOException {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			if (in.readInt() != MAGIC || in.readInt() != VERSION) {
				throw new IOException(file + " is not a LandmarkJ sequence file (version " + VERSION + ")");
			}
			String source = in.readUTF();
			int frames = in.readInt(), points = in.readInt();
			double fps = in.readDouble();
			int width = in.readInt(), height = in.readInt();
			float[] t = readFloats(in, frames * points * 2), r = readFloats(in, frames * points * 2), c = readFloats(in, frames * points);
			return new LabelledSequence(source, frames, points, fps, width, height, t, r, c);
		}
	}

	private static float[] readFloats(DataInputStream in, int n) throws IOException {
		float[] a = new float[n];
		for (int i = 0; i < n; i++) {
			a[i] = in.readFloat();
		}
		return a;
	}
}
