package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Boxes from an SSD output, as published (vision/utils/box_utils.py and vision/ssd/predictor.py):
 * softmax face probability above the threshold; centre = prior centre + d * centre variance * prior size,
 * size = prior size * exp(d * size variance); the best {@value #CANDIDATES} candidates; greedy NMS that
 * drops boxes overlapping a kept one by more than the IoU. Boxes are in input pixels measured from the
 * input's edge, with their face probability as score; best first. Priors whose output is not finite
 * (NaN input pixels, say) give no box.
 */
public final class SsdDecoder {
	/** The published demo's candidate_size. */
	static final int CANDIDATES = 1500;

	private final PriorSpec spec;
	private final NonMaxSuppression nms;

	public SsdDecoder(PriorSpec spec, double nmsIou) {
		this.spec = spec;
		this.nms = new NonMaxSuppression(nmsIou);
	}

	public List<FaceBox> decode(SsdOutput out, PriorBoxes priors, double scoreThreshold) {
		if (out.priors() != priors.size()) {
			throw new IllegalArgumentException("The network gave " + out.priors() + " priors' outputs for an input with " + priors.size()
					+ " priors");
		}
		List<FaceBox> candidates = new ArrayList<>();
		for (int i = 0; i < priors.size(); i++) {
			double p = out.faceProbability(i);
			if (!(p > scoreThreshold)) {
				continue;
			}
			FaceBox box = decode(out, priors, i, p);
			if (box != null) {
				candidates.add(box);
			}
		}
		candidates.sort(Comparator.comparingDouble((FaceBox b) -> b.score).reversed());
		if (candidates.size() > CANDIDATES) {
			candidates = new ArrayList<>(candidates.subList(0, CANDIDATES));
		}
		return nms.apply(candidates);
	}

	/** The box of prior {@code i}, or null when it is not finite or empty. */
	FaceBox decode(SsdOutput out, PriorBoxes priors, int i, double score) {
		double pw = priors.width(i), ph = priors.height(i);
		double cx = priors.centreX(i) + out.regression(i, 0) * spec.centreVariance * pw;
		double cy = priors.centreY(i) + out.regression(i, 1) * spec.centreVariance * ph;
		double w = pw * Math.exp(out.regression(i, 2) * spec.sizeVariance);
		double h = ph * Math.exp(out.regression(i, 3) * spec.sizeVariance);
		if (!(Double.isFinite(cx) && Double.isFinite(cy) && w > 0 && h > 0 && Double.isFinite(w) && Double.isFinite(h))) {
			return null;
		}
		return new FaceBox(cx - w / 2, cy - h / 2, w, h, score);
	}
}
