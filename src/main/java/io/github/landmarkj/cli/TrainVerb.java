package io.github.landmarkj.cli;

import ai.djl.Device;
import com.google.gson.JsonObject;
import io.github.landmarkj.engine.Devices;
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
import io.github.landmarkj.train.ValidationSplit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/** {@code train}: trains a model package from annotated folders. */
final class TrainVerb implements Verb {
	static final String HELP = String.join("\n",
			"landmarkj train --data FOLDER [--data FOLDER ...] --output MODEL_DIR [options]",
			"  Trains a landmark model on images with same-stem .pts (300-W) or .csv point files.",
			"  --data DIR            annotated folder (searched recursively); repeat for several",
			"  --output DIR          model folder to write (model.json, weights.params, training-log.txt)",
			"  --epochs N            default 40",
			"  --batch N             default 16",
			"  --lr X                peak learning rate of Adam (warm-up, cosine decay), default 0.002",
			"  --seed N              default 42",
			"  --validation-every N  every N-th photo of each folder is held out for validation, default 8",
			"  --checkpoints DIR     checkpoint folder, default OUTPUT/../<name>-checkpoints",
			"  --resume              continue from the checkpoint in --checkpoints",
			"  --init MODEL_DIR      fine-tune from an existing model (same architecture)",
			"  --alpha X             octave low-frequency ratio, 0 = plain convolutions (default 0.25)",
			"  --attention N         attention width, 0 = no attention layer (default 32)",
			"  --device auto|cpu|gpu default auto",
			"  --overwrite           replace an existing model folder");

	@Override
	public int run(String[] argv, PrintStream out) throws Exception {
		Args args = new Args(argv, new HashSet<>(Arrays.asList("resume", "overwrite", "help")));
		args.allowOnly(new HashSet<>(Arrays.asList("data", "output", "epochs", "batch", "lr", "seed", "validation-every",
				"checkpoints", "resume", "init", "alpha", "attention", "device", "overwrite", "help")));
		if (args.flag("help")) {
			out.println(HELP);
			return 0;
		}
		List<Path> folders = args.folders("data");
		Path output = args.modelOutput("output", ModelPackage.FILE_NAME);
		NetConfig net = NetConfig.defaultFace68().withAlpha(args.number("alpha", 0.25))
				.withAttentionChannels(args.integer("attention", 32));
		ModelPackage<LandmarkSpec> pkg = LandmarkKind.newFace68(net).withName(output.getFileName().toString());
		Path initFolder = args.path("init", null);
		ModelLocator.LocatedModel<LandmarkSpec> init = initFolder == null ? null : ModelLocator.locate(initFolder.toString());
		if (init != null) {
			pkg = init.pkg.withName(output.getFileName().toString()).withWeights(WeightsRecord.pending());
		}
		Path checkpoints = args.path("checkpoints", output.toAbsolutePath().resolveSibling(output.getFileName() + "-checkpoints"));
		TrainingOptions options = new TrainingOptions(args.integer("epochs", 40), args.integer("batch", 16), args.number("lr", 0.002),
				args.integer("seed", 42), checkpoints, args.flag("resume"), AugmentationConfig.standard());
		Device device = Devices.choose(Devices.Preference.parse(args.get("device", "auto")));
		out.println("Device: " + Devices.describe(device));
		long t0 = System.nanoTime();
		ValidationSplit split = new ValidationSplit(args.integer("validation-every", 8));
		TrainingData data = TrainingData.load(folders, split, pkg.spec().net.landmarks, pkg.spec().faceSideAtInput(), out::println);
		if (data.training.size() < options.batchSize) {
			throw new UsageException("Only " + data.training.size() + " training faces: need at least one batch of " + options.batchSize);
		}
		StringBuilder logText = new StringBuilder();
		LandmarkTrainer trainer = new LandmarkTrainer(pkg.spec(), options, line -> {
			out.println(line);
			out.flush();
			logText.append(line).append('\n');
		});
		LandmarkTrainer.Result result = trainer.train(data, device, init, r -> { }, () -> false);
		try (LandmarkModel model = result.model) {
			EpochReport last = result.history.get(result.history.size() - 1);
			JsonObject info = data.record(folders, split);
			info.addProperty("epochs", options.epochs);
			info.addProperty("batch", options.batchSize);
			info.addProperty("learning_rate", options.learningRate);
			info.addProperty("seed", options.seed);
			info.addProperty("final_validation_nme_io", last.validationNme);
			info.addProperty("wall_time_seconds_this_run", (System.nanoTime() - t0) / 1e9);
			info.addProperty("device", device.toString());
			ModelWriter.write(output, pkg, model::saveWeights, info, logText.toString(), args.flag("overwrite"));
			out.println("Wrote " + output + " (validation NME(io) " + String.format("%.3f%%", 100 * last.validationNme) + ")");
		}
		return 0;
	}
}
