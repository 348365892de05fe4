package io.github.landmarkj.engine;

import ai.djl.Device;
import io.github.landmarkj.core.CropDecoder;
import io.github.landmarkj.core.FaceAnalysis;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceBoxLimits;
import io.github.landmarkj.core.FaceCrop;
import io.github.landmarkj.core.FaceCropper;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.FlipAveraging;
import io.github.landmarkj.core.HeatmapDecoder;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.RejectedInputException;
import io.github.landmarkj.core.RgbImage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Landmarks for the faces in an image: crop each face box by the model's crop rule, run the network
 * on all crops as one batch, decode the heat maps and map the points back to image pixels. With
 * {@link TestTimeAugmentation#FLIP} the mirrored crops join the batch and each face's heat maps are the
 * average of its crop's and its mirror image's.
 * Not thread-safe (one network); open one detector per worker thread.
 */
public final class LandmarkDetector implements AutoCloseable {
	private final ModelPackage<LandmarkSpec> pkg;
	private final LandmarkSpec spec;
	private final String origin;
	private final LandmarkModel model;
	private final FaceCropper cropper;
	private final HeatmapDecoder decoder;
	private final CropDecoder cropDecoder;
	private final TestTimeAugmentation augmentation;
	private final FlipAveraging flipAveraging;

	private LandmarkDetector(ModelPackage<LandmarkSpec> pkg, String origin, LandmarkModel model, TestTimeAugmentation augmentation) {
		this.pkg = pkg;
		this.spec = pkg.spec();
		this.origin = origin;
		this.model = model;
		this.cropper = new FaceCropper(spec.cropRule(), spec.normalisation);
		this.decoder = spec.decoder();
		this.cropDecoder = new CropDecoder(decoder);
		this.augmentation = augmentation;
		this.flipAveraging = new FlipAveraging(spec.scheme);
	}

	/** @param modelSpec a bundled model's name or a model folder */
	public static LandmarkDetector open(String modelSpec, Device device) throws IOException {
		return open(modelSpec, device, TestTimeAugmentation.NONE);
	}

	/**
	 * @param modelSpec a bundled model's name or a model folder
	 * @param augmentation {@link TestTimeAugmentation#FLIP} to average each face's heat maps with its mirror image's
	 */
	public static LandmarkDetector open(String modelSpec, Device device, TestTimeAugmentation augmentation) throws IOException {
		ModelLocator.LocatedModel<LandmarkSpec> located = ModelLocator.locate(modelSpec);
		NativeLibraries.requireLoadable();
		LandmarkModel model = LandmarkModel.load(located, device);
		model.prepareForInference();
		return new LandmarkDetector(located.pkg, located.origin, model, augmentation);
	}

	public TestTimeAugmentation augmentation() {
		return augmentation;
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
			out.add(a.result());
		}
		return out;
	}

	/**
	 * Like {@link #detect}, keeping the heat maps and crop transforms for display: pre-processing (crop,
	 * normalise), the network, post-processing (decode, back to image pixels). Faces go through the
	 * network {@link #BATCH_SIZE} at a time, so that memory does not grow with the number of boxes.
	 *
	 * @throws RejectedInputException when a box does not fit the image ({@link FaceBoxLimits}) or a face's
	 *         network input would read a pixel that is NaN or infinite; nothing is analysed then
	 */
	public List<FaceAnalysis> analyse(RgbImage image, List<FaceBox> boxes) {
		for (int i = 0; i < boxes.size(); i++) {
			FaceBoxLimits.check(boxes.get(i), i + 1, image.width(), image.height());
		}
		List<FaceAnalysis> out = new ArrayList<>(boxes.size());
		for (int from = 0; from < boxes.size(); from += BATCH_SIZE) {
			analyseBatch(image, boxes, from, Math.min(boxes.size(), from + BATCH_SIZE), out);
		}
		return out;
	}

	/** At most this many faces are cropped and run through the network at once. */
	public static final int BATCH_SIZE = 16;

	private void analyseBatch(RgbImage image, List<FaceBox> boxes, int from, int to, List<FaceAnalysis> out) {
		List<FaceCrop> crops = new ArrayList<>(to - from);
		List<float[]> inputs = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			FaceCrop crop = cropper.crop(image, boxes.get(i));
			float[] input = crop.input();
			requireFinite(input, i + 1);
			crops.add(crop);
			inputs.add(input);
		}
		List<Heatmaps> maps = predict(inputs);
		for (int i = from; i < to; i++) {
			out.add(cropDecoder.analyse(i, crops.get(i - from), maps.get(i - from)));
		}
	}

	/** Normalisation keeps NaN and infinity, so the normalised crop shows every such pixel it read. */
	private static void requireFinite(float[] crop, int faceNumber) {
		int bad = 0;
		for (float v : crop) {
			if (!Float.isFinite(v)) {
				bad++;
			}
		}
		if (bad > 0) {
			throw new RejectedInputException("Face " + faceNumber + " was not analysed: its crop reads pixels that are not numbers "
					+ "(NaN or infinite; " + bad + " of " + crop.length + " crop values), and landmarks found there would be wrong. "
					+ "Replace them in the image (Fiji: Process > Math > Remove NaNs..., or Process > Math > Set...) "
					+ "or give a face box away from them.");
		}
	}

	/** Landmarks in crop coordinates for crops that are already normalised network inputs. */
	public List<Landmarks> decodeCrops(List<float[]> inputs) {
		List<Landmarks> out = new ArrayList<>(inputs.size());
		for (Heatmaps h : predict(inputs)) {
			out.add(decoder.decode(h));
		}
		return out;
	}

	/**
	 * The network's heat maps for normalised crops; with {@link TestTimeAugmentation#FLIP}, averaged with
	 * their mirror images' (crops and mirror images in one batch).
	 */
	private List<Heatmaps> predict(List<float[]> inputs) {
		if (augmentation == TestTimeAugmentation.NONE) {
			return model.predict(inputs);
		}
		List<float[]> both = new ArrayList<>(2 * inputs.size());
		both.addAll(inputs);
		for (float[] input : inputs) {
			both.add(FlipAveraging.mirroredInput(input, spec.net.inputSize));
		}
		List<Heatmaps> all = model.predict(both);
		List<Heatmaps> out = new ArrayList<>(inputs.size());
		for (int i = 0; i < inputs.size(); i++) {
			out.add(flipAveraging.average(all.get(i), all.get(inputs.size() + i)));
		}
		return out;
	}

	@Override
	public void close() {
		model.close();
	}
}
