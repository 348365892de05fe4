package io.github.landmarkj.engine;

import ai.djl.Device;
import io.github.landmarkj.core.CropRule;
import io.github.landmarkj.core.FaceAnalysis;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.HeatmapDecoder;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Landmarks for the faces in an image: crop each face box by the model's crop rule, run the network
 * on all crops as one batch, decode the heat maps and map the points back to image pixels.
 * Not thread-safe (one network); open one detector per worker thread.
 */
public final class LandmarkDetector implements AutoCloseable {
	private final ModelPackage<LandmarkSpec> pkg;
	private final LandmarkSpec spec;
	private final String origin;
	private final LandmarkModel model;
	private final CropRule cropRule;
	private final HeatmapDecoder decoder;

	private LandmarkDetector(ModelPackage<LandmarkSpec> pkg, String origin, LandmarkModel model) {
		this.pkg = pkg;
		this.spec = pkg.spec();
		this.origin = origin;
		this.model = model;
		this.cropRule = spec.cropRule();
		this.decoder = spec.decoder();
	}

	/** @param modelSpec a bundled model's name or a model folder */
	public static LandmarkDetector open(String modelSpec, Device device) throws IOException {
		ModelLocator.LocatedModel<LandmarkSpec> located = ModelLocator.locate(modelSpec);
		NativeLibraries.requireLoadable();
		LandmarkModel model = LandmarkModel.load(located, device);
		model.foldBatchNormsForInference();
		return new LandmarkDetector(located.pkg, located.origin, model);
	}

	public ModelPackage<LandmarkSpec> modelPackage() {
		return pkg;
	}

	/** Where the model came from: "bundled:face68" or a folder. */
	public String origin() {
		return origin;
	}

	public Device device() {
		return model.device();
	}

	/**
	 * The face box that makes the model's crop cover the whole image: for images that are already a
	 * face crop, and the region used when no box is given.
	 */
	public FaceBox wholeImageBox(int width, int height) {
		double side = Math.max(width, height) / spec.cropScale;
		return new FaceBox((width - 1) / 2.0 - side / 2 + 0.5, (height - 1) / 2.0 - side / 2 + 0.5, side, side);
	}

	/** Faces numbered in the order of {@code boxes}. */
	public List<FaceResult> detect(RgbImage image, List<FaceBox> boxes) {
		List<FaceResult> out = new ArrayList<>(boxes.size());
		for (FaceAnalysis a : analyse(image, boxes)) {
			out.add(a.result);
		}
		return out;
	}

	/** Like {@link #detect}, keeping the heat maps and crop transforms for display. */
	public List<FaceAnalysis> analyse(RgbImage image, List<FaceBox> boxes) {
		int s = spec.net.inputSize;
		List<float[]> inputs = new ArrayList<>(boxes.size());
		List<SimilarityTransform> transforms = new ArrayList<>(boxes.size());
		for (FaceBox box : boxes) {
			SimilarityTransform t = cropRule.transformFor(box);
			transforms.add(t);
			float[] input = new float[3 * s * s];
			spec.normalisation.apply(image.warp(t, s, s).toPlanarArray(), input, 0);
			inputs.add(input);
		}
		List<Heatmaps> maps = model.predict(inputs);
		List<FaceAnalysis> out = new ArrayList<>(boxes.size());
		for (int i = 0; i < boxes.size(); i++) {
			Landmarks inCrop = decoder.decode(maps.get(i));
			Landmarks inImage = inCrop.transformed(transforms.get(i).inverse());
			out.add(new FaceAnalysis(new FaceResult(i, boxes.get(i), inImage), maps.get(i), transforms.get(i)));
		}
		return out;
	}

	/** Landmarks in crop coordinates for crops that are already normalised network inputs. */
	public List<Landmarks> decodeCrops(List<float[]> inputs) {
		List<Landmarks> out = new ArrayList<>(inputs.size());
		for (Heatmaps h : model.predict(inputs)) {
			out.add(decoder.decode(h));
		}
		return out;
	}

	@Override
	public void close() {
		model.close();
	}
}
