package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;
import io.github.landmarkj.core.LoadedFace;
import io.github.landmarkj.train.Photometric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Synthetic detector training images made from annotated face crops. A square canvas is tiled with
 * background patches (parts of random crops away from their annotated face), then 1 to 6 faces are
 * pasted at random scales (about 18 px up to 60% of the canvas) with a random flip. Each paste carries
 * only the face's neighbourhood: a square of 1.25 to 1.9 times the face's side with a feathered edge,
 * which cuts away most of the unannotated faces a crop's border can hold. What does come along (the ring
 * between 1.3 times the face's side and the paste's edge) is excluded from the negative loss, since
 * nothing says it is not a face. Colour jitter, greyscale, blur, noise and JPEG come from
 * {@link Photometric} over the whole canvas.
 */
public final class DetectorSamples {
	/** The paste's core that is trusted to hold no other face, relative to the face's side. */
	static final double TRUSTED_SIDE = 1.3;
	private static final double MIN_MARGIN = 1.25;
	private static final double MAX_MARGIN = 1.9;

	private final List<LoadedFace> faces;
	private final Photometric photometric;
	private final double minFace;
	private final double maxFaceFraction;

	/**
	 * @param photometric applied to the finished canvas, or null for none (validation)
	 * @param minFace smallest face side in canvas pixels
	 * @param maxFaceFraction largest face side as a fraction of the canvas
	 */
	public DetectorSamples(List<LoadedFace> faces, Photometric photometric, double minFace, double maxFaceFraction) {
		if (faces.isEmpty()) {
			throw new IllegalArgumentException("Detector samples need at least one annotated face");
		}
		this.faces = Collections.unmodifiableList(new ArrayList<>(faces));
		this.photometric = photometric;
		this.minFace = minFace;
		this.maxFaceFraction = maxFaceFraction;
	}

	/** The defaults used for training and for the validation canvases. */
	public static DetectorSamples standard(List<LoadedFace> faces, boolean augment) {
		return new DetectorSamples(faces, augment ? new Photometric(0.8, 0.1, 0.3, 0.2, 0.1) : null, 18, 0.6);
	}

	public DetectorSample make(int size, Random rng) {
		float[] canvas = new float[3 * size * size];
		fillBackground(canvas, size, rng);
		int g = size / DetectorConfig.STRIDE;
		float[] negativeWeight = new float[g * g];
		java.util.Arrays.fill(negativeWeight, 1f);
		List<FaceBox> boxes = new ArrayList<>();
		List<FaceBox> trusted = new ArrayList<>();
		List<FaceBox> ignored = new ArrayList<>();
		double r = rng.nextDouble();
		int wanted = r < 0.3 ? 1 : r < 0.55 ? 2 : r < 0.75 ? 3 : 4 + rng.nextInt(3);
		double maxFace = maxFaceFraction * size;
		if (wanted > 1) {
			maxFace = Math.min(maxFace, 0.9 * size / Math.sqrt(wanted));
		}
		for (int attempt = 0; attempt < 4 * wanted && boxes.size() < wanted; attempt++) {
			LoadedFace f = faces.get(rng.nextInt(faces.size()));
			double side = minFace * Math.exp(rng.nextDouble() * Math.log(Math.max(1.0, maxFace / minFace)));
			Paste p = paste(f, side, size, rng);
			if (p == null || overlapsAny(p.square, boxes)) {
				continue;
			}
			p.blendInto(canvas, size);
			boxes.add(p.box);
			trusted.add(p.trusted);
			ignored.add(p.square);
		}
		// Cells of a paste's ring are left out of the negatives unless another paste's trusted core covers them.
		for (int j = 0; j < g; j++) {
			for (int i = 0; i < g; i++) {
				double x = DetectorConfig.STRIDE * (i + 0.5), y = DetectorConfig.STRIDE * (j + 0.5);
				if (containsAny(ignored, x, y) && !containsAny(trusted, x, y)) {
					negativeWeight[j * g + i] = 0;
				}
			}
		}
		if (photometric != null) {
			photometric.apply(canvas, size, rng);
		}
		return new DetectorSample(size, canvas, boxes, negativeWeight);
	}

	private static boolean overlapsAny(FaceBox square, List<FaceBox> boxes) {
		for (FaceBox b : boxes) {
			if (b.iou(square) > 0) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsAny(List<FaceBox> boxes, double x, double y) {
		for (FaceBox b : boxes) {
			if (x >= b.x && y >= b.y && x < b.x + b.width && y < b.y + b.height) {
				return true;
			}
		}
		return false;
	}

	/** A face's neighbourhood resampled for the canvas, with where it goes and what it holds. */
	private static final class Paste {
		final float[] patch; // planar RGB, p x p
		final float[] alpha; // p x p
		final int p;
		final int ox;
		final int oy;
		final FaceBox square;
		final FaceBox trusted;
		final FaceBox box;

		Paste(float[] patch, float[] alpha, int p, int ox, int oy, FaceBox box, double faceSide) {
			this.patch = patch;
			this.alpha = alpha;
			this.p = p;
			this.ox = ox;
			this.oy = oy;
			this.box = box;
			this.square = new FaceBox(ox - 0.5, oy - 0.5, p, p);
			double t = TRUSTED_SIDE * faceSide;
			this.trusted = new FaceBox(box.centerX() - t / 2, box.centerY() - t / 2, t, t);
		}

		void blendInto(float[] canvas, int size) {
			int n = size * size, pn = p * p;
			for (int y = 0; y < p; y++) {
				for (int x = 0; x < p; x++) {
					float a = alpha[y * p + x];
					int cx = ox + x, cy = oy + y;
					if (a <= 0 || cx < 0 || cy < 0 || cx >= size || cy >= size) {
						continue;
					}
					for (int c = 0; c < 3; c++) {
						int o = c * n + cy * size + cx;
						canvas[o] += a * (patch[c * pn + y * p + x] - canvas[o]);
					}
				}
			}
		}
	}

	private static Paste paste(LoadedFace f, double faceSide, int size, Random rng) {
		FaceBox b = FaceBox.enclosing(f.points);
		double side = Math.max(b.width, b.height);
		double scale = faceSide / side;
		double margin = MIN_MARGIN + rng.nextDouble() * (MAX_MARGIN - MIN_MARGIN);
		int p = (int) Math.ceil(margin * faceSide);
		if (p > size) {
			margin = size / faceSide;
			p = size;
			if (margin < 1.1) {
				return null;
			}
		}
		int ox = rng.nextInt(size - p + 1), oy = rng.nextInt(size - p + 1);
		double c = (p - 1) / 2.0;
		SimilarityTransform t = SimilarityTransform.translation(c, c).compose(SimilarityTransform.of(scale, 0, 0, 0))
				.compose(SimilarityTransform.translation(-b.centerX(), -b.centerY()));
		if (rng.nextBoolean()) {
			t = SimilarityTransform.horizontalFlip(p).compose(t);
		}
		float[] patch = f.image.warp(t, p, p).toPlanarArray();
		float[] alpha = alpha(f.image, t.inverse(), p, margin);
		List<Point2> moved = new ArrayList<>(f.points.size());
		SimilarityTransform toCanvas = SimilarityTransform.translation(ox, oy).compose(t);
		for (Point2 q : f.points) {
			moved.add(toCanvas.apply(q));
		}
		return new Paste(patch, alpha, p, ox, oy, FaceBox.enclosing(moved), faceSide);
	}

	/**
	 * Opacity of a paste: a linear ramp over the outer part of the margin, so that the paste's edge is not a
	 * cue for "face here", and zero where the square reaches past the source crop (edge-replicated pixels).
	 */
	private static float[] alpha(RgbImage source, SimilarityTransform patchToSource, int p, double margin) {
		float[] a = new float[p * p];
		double ramp = Math.max(1, 0.4 * (margin - 1) / 2 / margin * p);
		for (int y = 0; y < p; y++) {
			for (int x = 0; x < p; x++) {
				double sx = patchToSource.applyX(x, y), sy = patchToSource.applyY(x, y);
				if (sx < -0.5 || sy < -0.5 || sx > source.width() - 0.5 || sy > source.height() - 0.5) {
					continue;
				}
				double edge = Math.min(Math.min(x + 0.5, p - 0.5 - x), Math.min(y + 0.5, p - 0.5 - y));
				a[y * p + x] = (float) Math.min(1, edge / ramp);
			}
		}
		return a;
	}

	/** Tiles the canvas with 1 x 1 to 3 x 3 squares cut from crops away from their annotated face. */
	private void fillBackground(float[] canvas, int size, Random rng) {
		int k = 1 + rng.nextInt(3);
		int n = size * size;
		for (int tj = 0; tj < k; tj++) {
			for (int ti = 0; ti < k; ti++) {
				int x0 = ti * size / k, x1 = (ti + 1) * size / k, y0 = tj * size / k, y1 = (tj + 1) * size / k;
				int cell = Math.max(x1 - x0, y1 - y0);
				float[] tile = backgroundTile(cell, rng);
				for (int c = 0; c < 3; c++) {
					for (int y = y0; y < y1; y++) {
						System.arraycopy(tile, c * cell * cell + (y - y0) * cell, canvas, c * n + y * size + x0, x1 - x0);
					}
				}
			}
		}
	}

	private float[] backgroundTile(int cell, Random rng) {
		for (int attempt = 0; attempt < 8; attempt++) {
			LoadedFace f = faces.get(rng.nextInt(faces.size()));
			FaceBox b = FaceBox.enclosing(f.points);
			int w = f.image.width(), h = f.image.height();
			double grow = 0.15 * Math.max(b.width, b.height);
			double left = b.x - grow, right = w - (b.x + b.width + grow), top = b.y - grow, bottom = h - (b.y + b.height + grow);
			double best = Math.max(Math.max(left, right), Math.max(top, bottom));
			double q = Math.min(best, best == left || best == right ? h : w);
			if (q < 12) {
				continue;
			}
			double sx, sy;
			if (best == left || best == right) {
				sx = best == left ? 0 : w - q;
				sy = rng.nextDouble() * (h - q);
			} else {
				sy = best == top ? 0 : h - q;
				sx = rng.nextDouble() * (w - q);
			}
			double s = cell / q;
			SimilarityTransform t = SimilarityTransform.of(s, 0, 0.5 * s - 0.5 - s * sx, 0.5 * s - 0.5 - s * sy);
			if (rng.nextBoolean()) {
				t = SimilarityTransform.horizontalFlip(cell).compose(t);
			}
			return f.image.warp(t, cell, cell).toPlanarArray();
		}
		float[] tile = new float[3 * cell * cell];
		for (int c = 0; c < 3; c++) {
			java.util.Arrays.fill(tile, c * cell * cell, (c + 1) * cell * cell, 40 + rng.nextInt(176));
		}
		return tile;
	}
}
