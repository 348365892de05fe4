package io.github.landmarkj.cli;

import ai.djl.Device;
import com.google.gson.JsonObject;
import io.github.landmarkj.detect.DetectorConfig;
import io.github.landmarkj.detect.DetectorModel;
import io.github.landmarkj.detect.DetectorPackage;
import io.github.landmarkj.detect.DetectorTrainer;
import io.github.landmarkj.detect.DetectorTrainingOptions;
import io.github.landmarkj.engine.ModelPackage;
import io.github.landmarkj.train.TrainingData;
import io.github.landmarkj.train.ValidationSplit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code train-detector}: trains the face detector on synthetic canvases made from annotated face crops. */
@Command(name = "train-detector", header = "Trains the face detector on canvases made from annotated faces.", sortOptions = false,
		description = "Trains a face detector on canvases pasted together from annotated faces (box = tight landmark box).")
final class TrainDetectorVerb implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Mixin
	private HelpOption help;

	@Mixin
	private TrainingRunOptions run;

	@Option(names = "--epochs", paramLabel = "N", defaultValue = "30", description = "default ${DEFAULT-VALUE}")
	private int epochs;

	@Option(names = "--canvas", paramLabel = "N", defaultValue = "192",
			description = "side of the square training canvases, multiple of 32, default ${DEFAULT-VALUE}")
	private int canvas;

	@Option(names = "--canvases-per-epoch", paramLabel = "N", defaultValue = "800", description = "default ${DEFAULT-VALUE}")
	private int canvasesPerEpoch;

	@Option(names = "--input-size", paramLabel = "N", defaultValue = "256",
			description = "long side of the model's input at inference, multiple of 32, default ${DEFAULT-VALUE}")
	private int inputSize;

	@Option(names = "--validation-canvases", paramLabel = "N", defaultValue = "150", description = "default ${DEFAULT-VALUE}")
	private int validationCanvases;

	@Option(names = "--time-limit", paramLabel = "MINUTES",
			description = "stop after this long (the checkpoint is kept; --resume continues)")
	private Double timeLimitMinutes;

	@Mixin
	private DeviceOption device;

	@Override
	public Integer call() throws Exception {
		CommandLine command = spec.commandLine();
		PrintWriter out = command.getOut();
		List<Path> folders = run.folders(command);
		Path output = run.output(command, DetectorPackage.FILE_NAME);
		DetectorConfig config;
		DetectorTrainingOptions options;
		try {
			config = DetectorConfig.standard().withInputSize(inputSize);
			options = new DetectorTrainingOptions(epochs, run.batch, run.learningRate, run.seed, canvas, canvasesPerEpoch, validationCanvases,
					run.checkpoints(), run.resume);
		} catch (IllegalArgumentException e) {
			throw ExitCodes.usage(command, e.getMessage());
		}
		DetectorPackage pkg = DetectorPackage.newFaceDetector(config).withName(output.getFileName().toString());
		Device chosen = device.choose(out);
		long t0 = System.nanoTime();
		double limitMinutes = timeLimitMinutes == null ? Double.POSITIVE_INFINITY : timeLimitMinutes;
		ValidationSplit split = new ValidationSplit(run.validationEvery);
		// Faces are kept no larger than the biggest face a canvas shows, so that 2,000 crops fit in memory.
		TrainingData data = TrainingData.load(folders, split, 68, 0.6 * config.inputSize, out::println);
		StringBuilder logText = new StringBuilder();
		DetectorTrainer trainer = new DetectorTrainer(pkg, options, line -> {
			out.println(line);
			out.flush();
			logText.append(line).append('\n');
		});
		DetectorTrainer.Result result = trainer.train(data.training, data.validation, chosen,
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
			info.addProperty("device", chosen.toString());
			pkg.withTraining(info).withWeights("weights.params", ModelPackage.sha256(weights)).write(output);
			Files.write(output.resolve("training-log.txt"), logText.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
			out.println(String.format(Locale.ROOT, "Wrote %s (validation %s)", output, result.validation));
		}
		return ExitCodes.OK;
	}
}
