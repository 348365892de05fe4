package io.github.landmarkj.cli;

import ai.djl.Device;
import com.google.gson.JsonObject;
import io.github.landmarkj.detect.DetectorConfig;
import io.github.landmarkj.detect.DetectorModel;
import io.github.landmarkj.detect.DetectorPackage;
import io.github.landmarkj.detect.DetectorTrainer;
import io.github.landmarkj.detect.DetectorTrainingOptions;
import io.github.landmarkj.engine.Devices;
import io.github.landmarkj.engine.ModelPackage;
import io.github.landmarkj.train.TrainingData;
import io.github.landmarkj.train.ValidationSplit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** {@code train-detector}: trains the face detector on synthetic canvases made from annotated face crops. */
final class TrainDetectorVerb implements Verb {
	static final String HELP = String.join("\n",
			"landmarkj train-detector --data FOLDER [--data FOLDER ...] --output MODEL_DIR [options]",
			"  Trains a face detector on canvases pasted together from annotated faces (box = tight landmark box).",
			"  --data DIR               annotated folder (images + same-stem .pts), searched recursively; repeat for several",
			"  --output DIR             detector folder to write (model.json, weights.params, training-log.txt)",
			"  --epochs N               default 30",
			"  --batch N                default 16",
			"  --lr X                   peak learning rate of Adam (warm-up, cosine decay), default 0.002",
			"  --seed N                 default 42",
			"  --canvas N               side of the square training canvases, multiple of 32, default 192",
			"  --canvases-per-epoch N   default 800",
			"  --input-size N           long side of the model's input at inference, multiple of 32, default 256",
			"  --validation-every N     every N-th photo of each folder is held out for validation, default 8",
			"  --validation-canvases N  default 150",
			"  --checkpoints DIR        checkpoint folder, default OUTPUT/../<name>-checkpoints",
			"  --resume                 continue from the checkpoint in --checkpoints",
			"  --time-limit MINUTES     stop after this long (the checkpoint is kept; --resume continues)",
			"  --device auto|cpu|gpu    default auto",
			"  --overwrite              replace an existing model folder");

	@Override
	public int run(String[] argv, PrintStream out) throws Exception {
		Args args = new Args(argv, new HashSet<>(Arrays.asList("resume", "overwrite", "help")));
		args.allowOnly(new HashSet<>(Arrays.asList("data", "output", "epochs", "batch", "lr", "seed", "canvas", "canvases-per-epoch",
				"input-size", "validation-every", "validation-canvases", "checkpoints", "resume", "time-limit", "device", "overwrite",
				"help")));
		if (args.flag("help")) {
			out.println(HELP);
			return 0;
		}
		List<Path> folders = args.folders("data");
		Path output = args.modelOutput("output", DetectorPackage.FILE_NAME);
		DetectorConfig config;
		DetectorTrainingOptions options;
		try {
			config = DetectorConfig.standard().withInputSize(args.integer("input-size", 256));
			Path checkpoints = args.path("checkpoints", output.toAbsolutePath().resolveSibling(output.getFileName() + "-checkpoints"));
			options = new DetectorTrainingOptions(args.integer("epochs", 30), args.integer("batch", 16), args.number("lr", 0.002),
					args.integer("seed", 42), args.integer("canvas", 192), args.integer("canvases-per-epoch", 800),
					args.integer("validation-canvases", 150), checkpoints, args.flag("resume"));
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		DetectorPackage pkg = DetectorPackage.newFaceDetector(config).withName(output.getFileName().toString());
		Device device = Devices.choose(Devices.Preference.parse(args.get("device", "auto")));
		out.println("Device: " + Devices.describe(device));
		long t0 = System.nanoTime();
		double limitMinutes = args.number("time-limit", Double.POSITIVE_INFINITY);
		ValidationSplit split = new ValidationSplit(args.integer("validation-every", 8));
		// Faces are kept no larger than the biggest face a canvas shows, so that 2,000 crops fit in memory.
		TrainingData data = TrainingData.load(folders, split, 68, 0.6 * config.inputSize, out::println);
		StringBuilder logText = new StringBuilder();
		DetectorTrainer trainer = new DetectorTrainer(pkg, options, line -> {
			out.println(line);
			out.flush();
			logText.append(line).append('\n');
		});
		DetectorTrainer.Result result = trainer.train(data.training, data.validation, device,
				() -> (System.nanoTime() - t0) / 60e9 > limitMinutes);
		try (DetectorModel model = result.model) {
			Files.createDirectories(output);
			Path weights = output.resolve("weights.params");
			model.saveWeights(weights);
			JsonObject info = data.record(folders, split);
			info.addProperty("epochs_planned", options.epochs);
			info.addProperty("epochs_done", result.epochsDone);
			info.addProperty("batch", options.batchSize);
			info.addProperty("canvas", options.canvasSize);
			info.addProperty("canvases_per_epoch", options.canvasesPerEpoch);
			info.addProperty("learning_rate", options.learningRate);
			info.addProperty("seed", options.seed);
			info.addProperty("validation_canvases", options.validationCanvases);
			info.addProperty("final_validation_recall", result.validation.recall());
			info.addProperty("final_validation_precision", result.validation.precision());
			info.addProperty("wall_time_seconds_this_run", (System.nanoTime() - t0) / 1e9);
			info.addProperty("device", device.toString());
			pkg.withTraining(info).withWeights("weights.params", ModelPackage.sha256(weights)).write(output);
			Files.write(output.resolve("training-log.txt"), logText.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
			out.println(String.format(Locale.ROOT, "Wrote %s (validation %s)", output, result.validation));
		}
		return 0;
	}
}
