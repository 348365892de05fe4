package io.github.landmarkj.train;

import io.github.landmarkj.core.LoadedFace;
import io.github.landmarkj.eval.ValidationSplit;
import ai.djl.Device;
import com.google.gson.JsonObject;
import io.github.landmarkj.engine.LandmarkKind;
import io.github.landmarkj.engine.LandmarkModel;
import io.github.landmarkj.engine.LandmarkSpec;
import io.github.landmarkj.engine.ModelLocator;
import io.github.landmarkj.engine.ModelPackage;
import io.github.landmarkj.engine.WeightsRecord;
import io.github.landmarkj.net.NetConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One training run as the Fiji command does it: start from a model (bundled or folder, fine-tuning its
 * weights) or from scratch ("none"), train, and write the model folder. A cancelled run writes no model
 * folder; its last checkpoint stays in the checkpoint folder for {@code resume}.
 */
public final class TrainingRun {
	/** The {@code init} value that starts from an untrained 68-point network. */
	public static final String FROM_SCRATCH = "none";

	private final String init;
	/** The located starting model (weights checked), or null from scratch. */
	private final ModelLocator.LocatedModel<LandmarkSpec> start;
	private final ModelPackage<LandmarkSpec> pkg;

	private TrainingRun(String init, ModelLocator.LocatedModel<LandmarkSpec> start, ModelPackage<LandmarkSpec> pkg) {
		this.init = init;
		this.start = start;
		this.pkg = pkg;
	}

	/** @param name the new model's name (usually its folder's name) */
	public static TrainingRun startingFrom(String init, String name) throws IOException {
		String spec = init == null || init.trim().isEmpty() ? FROM_SCRATCH : init.trim();
		if (spec.equalsIgnoreCase(FROM_SCRATCH)) {
			return new TrainingRun(spec, null, LandmarkKind.newFace68(NetConfig.defaultFace68()).withName(name));
		}
		ModelLocator.LocatedModel<LandmarkSpec> located = ModelLocator.locate(spec);
		return new TrainingRun(spec, located, located.pkg.withName(name).withWeights(WeightsRecord.pending()));
	}

	public ModelPackage<LandmarkSpec> modelPackage() {
		return pkg;
	}

	/** The size of a face in model input pixels, for shrinking big training images in memory. */
	public double faceSideAtInput() {
		return pkg.spec().faceSideAtInput();
	}

	/** Every how many photos (or faces) one is held out for validation, for a fraction in [0, 0.5]; 0 = none. */
	public static int validationEvery(double fraction) {
		if (!(fraction >= 0) || fraction > 0.5) {
			throw new IllegalArgumentException("validation_fraction must be between 0 and 0.5, got " + fraction);
		}
		return fraction == 0 ? 0 : Math.max(2, (int) Math.round(1 / fraction));
	}

	/** Faces in a fixed order (e.g. ROI Manager annotations), every n-th held out for validation. */
	public static TrainingData split(List<LoadedFace> faces, double validationFraction) {
		int every = validationEvery(validationFraction);
		List<LoadedFace> training = new ArrayList<>(), validation = new ArrayList<>();
		for (int i = 0; i < faces.size(); i++) {
			(every > 0 && i % every == every - 1 ? validation : training).add(faces.get(i));
		}
		return TrainingData.of(training, validation);
	}

	/** Annotated faces of a folder (images + same-stem .pts or .csv), split for validation. */
	public TrainingData loadFolder(Path folder, double validationFraction, Consumer<String> log) throws IOException {
		int every = validationEvery(validationFraction);
		return TrainingData.load(Collections.singletonList(folder), new ValidationSplit(every == 0 ? Integer.MAX_VALUE : every),
				pkg.spec().net.landmarks, faceSideAtInput(), log);
	}

	/** What a run ended with: the written package (null when cancelled) and every epoch's report. */
	public static final class Outcome {
		public final ModelPackage<LandmarkSpec> written;
		public final List<EpochReport> history;
		public final Path checkpoints;

		Outcome(ModelPackage<LandmarkSpec> written, List<EpochReport> history, Path checkpoints) {
			this.written = written;
			this.history = history;
			this.checkpoints = checkpoints;
		}

		public boolean cancelled() {
			return written == null;
		}
	}

	/** The checkpoint folder of a model folder: a sibling named {@code <name>-checkpoints}. */
	public static Path checkpointsOf(Path output) {
		return output.toAbsolutePath().resolveSibling(output.getFileName() + "-checkpoints");
	}

	public Outcome run(TrainingData data, int epochs, int batch, double learningRate, boolean resume, Device device, Path output,
			boolean overwrite, Consumer<String> log, Consumer<EpochReport> epochListener, BooleanSupplier cancelled) throws IOException {
		ModelWriter.checkWritable(output, overwrite);
		if (data.training.size() < batch) {
			throw new IllegalArgumentException("Only " + data.training.size() + " training faces for a batch of " + batch
					+ ": annotate more faces or lower batch_size to at most " + Math.max(1, data.training.size()));
		}
		Path checkpoints = checkpointsOf(output);
		TrainingOptions options = new TrainingOptions(epochs, batch, learningRate, 42, checkpoints, resume, AugmentationConfig.standard());
		StringBuilder logText = new StringBuilder();
		Consumer<String> both = line -> {
			logText.append(line).append('\n');
			log.accept(line);
		};
		LandmarkTrainer.Result result = new LandmarkTrainer(pkg.spec(), options, both).train(data, device, start, epochListener, cancelled);
		try (LandmarkModel model = result.model) {
			// Cancelled runs end before the last epoch (the thread's interrupt flag may be gone by now).
			if (result.history.isEmpty() || result.history.get(result.history.size() - 1).epoch() < epochs) {
				return new Outcome(null, result.history, checkpoints);
			}
			return new Outcome(ModelWriter.write(output, pkg, model::saveWeights, info(data, options, result.history, device),
					logText.toString(), overwrite), result.history, checkpoints);
		}
	}

	private JsonObject info(TrainingData data, TrainingOptions options, List<EpochReport> history, Device device) {
		JsonObject info = new JsonObject();
		info.addProperty("initialised_from", init);
		info.addProperty("training_faces", data.training.size());
		info.addProperty("validation_faces", data.validation.size());
		info.addProperty("epochs", options.epochs());
		info.addProperty("batch", options.batchSize());
		info.addProperty("learning_rate", options.learningRate());
		info.addProperty("seed", options.seed());
		double nme = history.isEmpty() ? Double.NaN : history.get(history.size() - 1).validationNme();
		if (Double.isFinite(nme)) {
			info.addProperty("final_validation_nme_io", nme);
		}
		info.addProperty("device", device.toString());
		info.addProperty("trained_with", "Fiji command Train Landmark Model");
		return info;
	}
}
