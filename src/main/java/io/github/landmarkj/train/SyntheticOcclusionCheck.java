package io.github.landmarkj.train;

import io.github.landmarkj.core.LoadedFace;
import io.github.landmarkj.eval.ModelEvaluation;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.Landmarks;
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
 * Scores a model's occluded flags on faces given synthetic occluders the way training pastes them
 * (hence here, beside the augmentation it borrows): the occluder's mask says which points are hidden.
 */
public final class SyntheticOcclusionCheck {
	private final LandmarkDetector detector;

	public SyntheticOcclusionCheck(LandmarkDetector detector) {
		this.detector = detector;
	}

	/**
	 * The occluded flags on faces with one synthetic occluder each (pasted as in training, with a patch of
	 * another face as one of the fills), whose masks say which points are hidden.
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
		FaceAugmenter augmenter = FaceAugmenter.forModel(spec, AugmentationConfig.occludedOnly(), Collections.emptyList());
		int tp = 0, fp = 0, fn = 0, positives = 0, total = 0;
		Random rng = new Random(seed);
		for (int i = 0; i < loaded.size(); i++) {
			LoadedFace f = loaded.get(i);
			LoadedFace d = loaded.get((i + 1) % loaded.size());
			float[] donor = d.image.warp(spec.cropRule().transformFor(FaceBox.enclosing(d.points)), net.inputSize, net.inputSize)
					.toPlanarArray();
			TrainingExample e = augmenter.make(f.image, f.points, donor, rng);
			Landmarks l = detector.decodeCrops(Collections.singletonList(e.input)).get(0);
			for (int k = 0; k < l.size(); k++) {
				boolean truth = e.occluded(k), flagged = l.occluded(k);
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
}
