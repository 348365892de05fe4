package io.github.landmarkj.cli;

import ai.djl.Device;
import com.google.gson.JsonObject;
import io.github.landmarkj.engine.LandmarkKind;
import io.github.landmarkj.engine.LandmarkModel;
import io.github.landmarkj.engine.LandmarkSpec;
import io.github.landmarkj.engine.ModelLocator;
import io.github.landmarkj.engine.ModelPackage;
import io.github.landmarkj.engine.WeightsRecord;
import io.github.landmarkj.net.NetConfig;
import io.github.landmarkj.train.AugmentationConfig;
import io.github.landmarkj.train.EpochReport;
import io.github.landmarkj.train.LandmarkTrainer;
import io.github.landmarkj.train.ModelWriter;
import io.github.landmarkj.train.TrainingData;
import io.github.landmarkj.train.TrainingOptions;
import io.github.landmarkj.eval.ValidationSplit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code train}: trains a model package from annotated folders. */
@Command(name = "train", header = "Trains a landmark model from annotated folders.", sortOptions = false,
		description = "Trains a landmark model on images with same-stem .pts (300-W) or .csv point files.")
final class TrainVerb extends Verb {
	@Mixin
	private TrainingRunOptions run;

	@Option(names = "--epochs", paramLabel = "N", defaultValue = "40", description = "default ${DEFAULT-VALUE}")
	private int epochs;

	@Option(names = "--init", paramLabel = "MODEL_DIR", description = "fine-tune from an existing model (same architecture)")
	private Path init;

	@Option(names = "--model-version", paramLabel = "V",
			description = "version written in model.json, default that of --init (or 1.0.0 for a new network)")
	private String modelVersion;

	@Option(names = "--alpha", paramLabel = "X", defaultValue = "0.25",
			description = "octave low-frequency ratio, 0 = plain convolutions, default ${DEFAULT-VALUE}")
	private double alpha;

	@Option(names = "--attention", paramLabel = "N", defaultValue = "32",
			description = "attention width, 0 = no attention layer, default ${DEFAULT-VALUE}")
	private int attention;

	@Option(names = "--drawing-styles", paramLabel = "P", defaultValue = "0.1",
			description = "share of training crops drawn as poster, cartoon or pencil sketch, default ${DEFAULT-VALUE}")
	private double drawingStyles;

	@Mixin
	private DeviceOption device;

	@Override
	int run(CommandLine command, PrintWriter out) throws Exception {
		List<Path> folders = run.folders(command);
		Path output = run.output(command, ModelPackage.FILE_NAME);
		NetConfig net = NetConfig.defaultFace68().withAlpha(alpha).withAttentionChannels(attention);
		ModelPackage<LandmarkSpec> pkg = LandmarkKind.newFace68(net).withName(output.getFileName().toString());
		ModelLocator.LocatedModel<LandmarkSpec> start = init == null ? null : ModelLocator.locate(init.toString());
		if (start != null) {
			pkg = start.pkg.withName(output.getFileName().toString()).withWeights(WeightsRecord.pending());
		}
		if (modelVersion != null) {
			pkg = pkg.withInfo(pkg.info().withVersion(modelVersion));
		}
		TrainingOptions options = new TrainingOptions(epochs, run.batch, run.learningRate, run.seed, run.checkpoints(), run.resume,
				AugmentationConfig.standard().withDrawingStyles(drawingStyles));
		Device chosen = device.choose(out);
		long t0 = System.nanoTime();
		ValidationSplit split = new ValidationSplit(run.validationEvery);
		TrainingData data = TrainingData.load(folders, split, pkg.spec().net.landmarks, pkg.spec().faceSideAtInput(), out::println);
		if (data.training.size() < options.batchSize()) {
			throw ExitCodes.usage(command, "Only " + data.training.size() + " training faces: need at least one batch of " + options.batchSize());
		}
		StringBuilder logText = new StringBuilder();
		LandmarkTrainer trainer = new LandmarkTrainer(pkg.spec(), options, line -> {
			out.println(line);
			out.flush();
			logText.append(line).append('\n');
		});
		LandmarkTrainer.Result result = trainer.train(data, chosen, start, r -> { }, () -> false);
		try (LandmarkModel model = result.model) {
			EpochReport last = result.history.get(result.history.size() - 1);
			JsonObject info = data.record(folders, split);
			info.addProperty("epochs", options.epochs());
			info.addProperty("batch", options.batchSize());
			info.addProperty("learning_rate", options.learningRate());
			info.addProperty("seed", options.seed());
			info.addProperty("drawing_style_probability", drawingStyles);
			info.addProperty("final_validation_nme_io", last.validationNme());
			info.addProperty("wall_time_seconds_this_run", (System.nanoTime() - t0) / 1e9);
			info.addProperty("device", chosen.toString());
			if (start != null) {
				// A model of several stages keeps the record of each: this run's, then the one it started from, and so on.
				info.addProperty("initialised_from", start.pkg.name() + " " + start.pkg.version());
				info.add("previous_stage", start.pkg.training());
			}
			ModelWriter.write(output, pkg, model::saveWeights, info, logText.toString(), run.overwrite);
			out.println("Wrote " + output + " (validation NME(io) " + String.format("%.3f%%", 100 * last.validationNme()) + ")");
		}
		return ExitCodes.OK;
	}
}
