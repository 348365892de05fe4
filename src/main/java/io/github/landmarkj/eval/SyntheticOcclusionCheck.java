package io.github.landmarkj.eval;

import io.github.landmarkj.core.CropRule;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.InputNormalisation;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.LoadedFace;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;
import io.github.landmarkj.core.SyntheticOccluder;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.LandmarkSpec;
import io.github.landmarkj.eval.ModelEvaluation.OcclusionScores;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.ImageFiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Scores a model's occluded flags on faces given one synthetic occluder each ({@link SyntheticOccluder},
 * pasted as training pastes them, a patch of another face as one of the fills): the occluder's mask says
 * which points are hidden. Needs nothing from training.
 */
public final class SyntheticOcclusionCheck {
	/** The occluders' extent as a fraction of the crop side, as in training. */
	private static final double MIN_SIZE = 0.2, MAX_SIZE = 0.6;
	/**
	 * Draws that the first version (which borrowed the training augmenter with every augmentation but the
	 * occluder off) made before painting: scale, two shifts, flip, caricature and occluder probabilities.
	 * Kept so that a seed gives the same occluders, and the same figures, as before.
	 */
	private static final int UNUSED_DRAWS = 6;

	private final LandmarkDetector detector;

	public SyntheticOcclusionCheck(LandmarkDetector detector) {
		this.detector = detector;
	}

	/** A face's crop with an occluder: the network's normalised input and the points it hides. */
	public static final class OccludedCrop {
		public final float[] input;
		private final boolean[] hidden;

		OccludedCrop(float[] input, boolean[] hidden) {
			this.input = input;
			this.hidden = hidden;
		}

		public boolean hidden(int point) {
			return hidden[point];
		}
	}

	/**
	 * The occluded flags on faces with one synthetic occluder each (pasted as in training, with a patch of
	 * the next face as one of the fills), whose masks say which points are hidden.
	 */
	public OcclusionScores syntheticOcclusion(List<AnnotatedFace> faces, long seed) throws IOException {
		LandmarkSpec spec = detector.modelPackage().spec();
		var net = spec.net;
		List<LoadedFace> loaded = new ArrayList<>();
		for (AnnotatedFace f : faces) {
			if (f.size() == spec.scheme.size()) {
				loaded.add(LoadedFace.shrunkFor(f.id(), ImageFiles.read(f.image()), f.points(), net.inputSize / spec.cropScale));
			}
		}
		int tp = 0, fp = 0, fn = 0, positives = 0, total = 0;
		Random rng = new Random(seed);
		for (int i = 0; i < loaded.size(); i++) {
			LoadedFace f = loaded.get(i);
			LoadedFace d = loaded.get((i + 1) % loaded.size());
			float[] donor = d.image().warp(spec.cropRule().transformFor(FaceBox.enclosing(d.points())), net.inputSize, net.inputSize)
					.toPlanarArray();
			OccludedCrop crop = occludedCrop(spec.cropRule(), spec.normalisation, f.image(), f.points(), donor, rng);
			Landmarks l = detector.decodeCrops(Collections.singletonList(crop.input)).get(0);
			for (int k = 0; k < l.size(); k++) {
				boolean truth = crop.hidden(k), flagged = l.occluded(k);
				total++;
				positives += truth ? 1 : 0;
				tp += truth && flagged ? 1 : 0;
				fp += !truth && flagged ? 1 : 0;
				fn += truth && !flagged ? 1 : 0;
			}
		}
		return new OcclusionScores(tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp),
				tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn), positives, total);
	}

	/**
	 * The inference crop of a face (the crop rule on the tight box of its points) with one occluder pasted
	 * from {@code rng}; a point is hidden when the occluder's mask at its nearest crop pixel exceeds 1/2
	 * (the rule of the training targets).
	 * @param donor another face's crop (planar 0..255, crop-sized) for patch fills, or null
	 */
	public static OccludedCrop occludedCrop(CropRule cropRule, InputNormalisation normalisation, RgbImage image, List<Point2> points,
			float[] donor, Random rng) {
		int s = cropRule.inputSize;
		SimilarityTransform toCrop = cropRule.transformFor(FaceBox.enclosing(points), 0);
		for (int i = 0; i < UNUSED_DRAWS; i++) {
			rng.nextDouble();
		}
		float[] planar = image.warp(toCrop, s, s).toPlanarArray();
		float[] mask = new SyntheticOccluder(MIN_SIZE, MAX_SIZE).paint(planar, s, donor, rng);
		boolean[] hidden = new boolean[points.size()];
		for (int i = 0; i < hidden.length; i++) {
			Point2 p = toCrop.apply(points.get(i));
			int x = (int) Math.round(p.x), y = (int) Math.round(p.y);
			hidden[i] = x >= 0 && y >= 0 && x < s && y < s && mask[y * s + x] > 0.5f;
		}
		float[] input = new float[3 * s * s];
		normalisation.apply(planar, input, 0);
		return new OccludedCrop(input, hidden);
	}
}
