package io.github.landmarkj.train;

import io.github.landmarkj.core.SyntheticOccluder;
import io.github.landmarkj.core.CropRule;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.InputNormalisation;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;
import io.github.landmarkj.engine.LandmarkSpec;
import io.github.landmarkj.net.NetConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes one training example from an annotated face: a random similarity crop around the tight box
 * of its points (the same crop rule as inference), an optional mirror with the scheme's point
 * permutation, an optional caricature warp, an optional synthetic occluder, an optional drawing style, photometric changes, and
 * the Gaussian heat-map and occlusion-grid targets.
 */
public final class FaceAugmenter {
	private final CropRule cropRule;
	private final InputNormalisation normalisation;
	private final HeatmapTargets heatmapTargets;
	private final int occlusionCell;
	private final int[] mirror;
	private final AugmentationConfig config;
	private final ShapeExaggeration exaggeration;
	private final SyntheticOccluder occluder = new SyntheticOccluder(0.2, 0.6);
	private final Photometric photometric = new Photometric(0.8, 0.1, 0.15, 0.2, 0.15);
	private final DrawingStyle drawingStyle;

	public FaceAugmenter(CropRule cropRule, InputNormalisation normalisation, HeatmapTargets heatmapTargets, int occlusionCell,
			int[] mirror, AugmentationConfig config, List<Point2> meanShape) {
		this.cropRule = cropRule;
		this.normalisation = normalisation;
		this.heatmapTargets = heatmapTargets;
		this.occlusionCell = occlusionCell;
		this.mirror = mirror.clone();
		this.config = config;
		this.exaggeration = new ShapeExaggeration(meanShape);
		this.drawingStyle = new DrawingStyle(config.drawingStyleProbability);
	}

	/** The augmenter of a landmark model: its crop rule, normalisation, heat-map targets and mirror permutation. */
	public static FaceAugmenter forModel(LandmarkSpec spec, AugmentationConfig config, List<Point2> meanShape) {
		NetConfig net = spec.net;
		return new FaceAugmenter(spec.cropRule(), spec.normalisation, new HeatmapTargets(net.heatmapSize(), net.heatmapStride(),
				spec.heatmaps.sigma), net.occlusionStride(), spec.scheme.mirror(), config, meanShape);
	}

	/** The crop transform for a face with some jitter (none when the config says so). */
	SimilarityTransform randomCrop(List<Point2> points, Random rng) {
		FaceBox box = FaceBox.enclosing(points);
		double side = Math.max(box.width, box.height);
		double angle = Math.toRadians(clampedGaussian(rng, config.maxRotationDegrees / 2.5, config.maxRotationDegrees));
		double scale = 1 + (2 * rng.nextDouble() - 1) * config.scaleJitter;
		double dx = (2 * rng.nextDouble() - 1) * config.shiftJitter * side;
		double dy = (2 * rng.nextDouble() - 1) * config.shiftJitter * side;
		FaceBox jittered = new FaceBox(box.x + dx + box.width * (1 - scale) / 2, box.y + dy + box.height * (1 - scale) / 2,
				box.width * scale, box.height * scale);
		return cropRule.transformFor(jittered, angle);
	}

	private static double clampedGaussian(Random rng, double sd, double limit) {
		if (limit <= 0) {
			return 0;
		}
		return Math.max(-limit, Math.min(limit, rng.nextGaussian() * sd));
	}

	/**
	 * @param donor another face crop (planar 0..255, crop-sized) to cut occluder patches from, or null
	 */
	public TrainingExample make(RgbImage image, List<Point2> points, float[] donor, Random rng) {
		int s = cropRule.inputSize;
		SimilarityTransform toCrop = randomCrop(points, rng);
		List<Point2> cropPoints = new ArrayList<>(points.size());
		if (rng.nextDouble() < config.flipProbability) {
			toCrop = SimilarityTransform.horizontalFlip(s).compose(toCrop);
			for (int i = 0; i < points.size(); i++) {
				cropPoints.add(toCrop.apply(points.get(mirror[i])));
			}
		} else {
			for (Point2 p : points) {
				cropPoints.add(toCrop.apply(p));
			}
		}
		RgbImage crop = image.warp(toCrop, s, s);
		if (rng.nextDouble() < config.exaggerationProbability) {
			double k = 1.2 + rng.nextDouble() * (config.maxExaggeration - 1.2);
			ShapeExaggeration.Warped warped = exaggeration.apply(crop, cropPoints, k);
			crop = warped.image;
			cropPoints = warped.points;
		}
		float[] planar = crop.toPlanarArray();
		float[] mask = new float[s * s];
		if (rng.nextDouble() < config.occluderProbability) {
			mask = occluder.paint(planar, s, donor, rng);
		}
		drawingStyle.apply(planar, s, rng);
		if (config.photometric) {
			photometric.apply(planar, s, rng);
		}
		boolean[] occluded = new boolean[points.size()];
		for (int i = 0; i < occluded.length; i++) {
			Point2 p = cropPoints.get(i);
			int x = (int) Math.round(p.x), y = (int) Math.round(p.y);
			occluded[i] = x >= 0 && y >= 0 && x < s && y < s && mask[y * s + x] > 0.5f;
		}
		float[] input = new float[3 * s * s];
		normalisation.apply(planar, input, 0);
		return new TrainingExample(input, heatmapTargets.render(cropPoints),
				HeatmapTargets.coverageGrid(mask, s, occlusionCell), cropPoints, occluded);
	}
}
