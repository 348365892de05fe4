package io.github.landmarkj.cli;

import ai.djl.Device;
import io.github.landmarkj.engine.Devices;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.PackageFiles;
import io.github.landmarkj.engine.TemporalModel;
import io.github.landmarkj.engine.TemporalPackage;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.net.TemporalConfig;
import io.github.landmarkj.train.FilterTuning;
import io.github.landmarkj.train.LabelledSequence;
import io.github.landmarkj.train.TemporalComparison;
import io.github.landmarkj.train.TemporalTrainer;
import io.github.landmarkj.video.LearnedSmoother;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import io.github.landmarkj.train.SequenceCache;
import io.github.landmarkj.train.SequenceRecorder;
import io.github.landmarkj.train.SequenceSources;
import io.github.landmarkj.train.SyntheticVideo;
import io.github.landmarkj.train.ValidationSplit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/** {@code train-temporal}: synthetic sequences, the tuned filter baseline and the learned temporal model. */
final class TrainTemporalVerb implements Verb {
	static final String HELP = String.join("\n",
			"landmarkj train-temporal --data FOLDER [--data FOLDER ...] --cache DIR [options]",
			"  Makes synthetic videos of the annotated faces, records the per-frame model's points on them",
			"  (cached in --cache; resumable), then trains the temporal model.",
			"  --data DIR               annotated folder (searched recursively); repeat for several",
			"  --cache DIR              where the recorded sequences go (train/, validation/)",
			"  --model NAME|DIR         per-frame landmark model, default face68",
			"  --sequences N            training sequences, default 400",
			"  --validation-sequences N held-out sequences (from validation faces), default 269",
			"  --frames N               frames per sequence, default 40",
			"  --redetect-every N       frames between perfect re-detections, default 10",
			"  --validation-every N     every N-th photo of each folder is held out, default 8",
			"  --seed N                 default 42",
			"  --sequences-only         stop after recording the sequences",
			"  --output DIR             temporal model folder to write (model.json, weights.params, training-log.txt)",
			"  --epochs N               default 80",
			"  --batch N                default 8",
			"  --lr X                   peak learning rate of Adam, default 0.002",
			"  --jitter-weight X        weight of the error's frame-to-frame change in the loss, default 1",
			"  --checkpoints DIR        default OUTPUT/../<name>-checkpoints",
			"  --resume                 continue from the checkpoint",
			"  --overwrite              replace an existing model folder",
			"  --device auto|cpu|gpu    default auto");

	@Override
	public int run(String[] argv, PrintStream out) throws Exception {
		Args args = new Args(argv, new HashSet<>(Arrays.asList("sequences-only", "resume", "overwrite", "help")));
		args.allowOnly(new HashSet<>(Arrays.asList("data", "cache", "model", "sequences", "validation-sequences", "frames",
				"redetect-every", "validation-every", "seed", "sequences-only", "device", "output", "epochs", "batch", "lr",
				"jitter-weight", "checkpoints", "resume", "overwrite", "help")));
		if (args.flag("help")) {
			out.println(HELP);
			return 0;
		}
		List<Path> folders = args.folders("data");
		Path cache = args.path("cache", null);
		if (cache == null) {
			throw new UsageException("--cache DIR is required");
		}
		long seed = args.integer("seed", 42);
		Device device = Devices.choose(Devices.Preference.parse(args.get("device", "auto")));
		SyntheticVideo.Settings base = SyntheticVideo.Settings.defaults();
		SyntheticVideo.Settings settings = new SyntheticVideo.Settings(args.integer("frames", base.frames), base.frameSize,
				base.fps, base.minFaceSide, base.maxFaceSide);
		ValidationSplit split = new ValidationSplit(args.integer("validation-every", 8));
		SequenceSources sources = SequenceSources.read(folders, split, 68);
		out.println("Faces: " + sources.training.size() + " training, " + sources.validation.size() + " validation");
		try (LandmarkDetector detector = LandmarkDetector.open(args.get("model", "face68"), device)) {
			SequenceRecorder recorder = new SequenceRecorder(
					(frame, box) -> detector.detect(frame, Collections.singletonList(box)).get(0).landmarks,
					args.integer("redetect-every", 10));
			double faceSideAtInput = settings.maxFaceSide;
			new SequenceCache(cache.resolve("train")).fill(sources.training, args.integer("sequences", 400), seed, settings,
					faceSideAtInput, recorder, () -> false, line -> println(out, line));
			new SequenceCache(cache.resolve("validation")).fill(sources.validation, args.integer("validation-sequences", 269),
					seed + 1, settings, faceSideAtInput, recorder, () -> false, line -> println(out, line));
		}
		if (args.flag("sequences-only")) {
			return 0;
		}
		Path output = args.path("output", null);
		if (output == null) {
			throw new UsageException("--output DIR is required (or --sequences-only)");
		}
		if (!args.flag("overwrite") && Files.exists(output.resolve(TemporalPackage.FILE_NAME))) {
			throw new UsageException(output + " already holds a model: use --overwrite to replace it");
		}
		Path checkpoints = args.path("checkpoints", output.toAbsolutePath().resolveSibling(output.getFileName() + "-checkpoints"));
		Files.createDirectories(checkpoints);
		TemporalTrainer.Options options = new TemporalTrainer.Options(args.integer("epochs", 80), args.integer("batch", 8),
				args.number("lr", 0.002), 12, (float) args.number("jitter-weight", 1), seed, checkpoints, args.flag("resume"));
		StringBuilder logText = new StringBuilder();
		Consumer<String> log = line -> {
			println(out, line);
			logText.append(line).append('\n');
		};
		long t0 = System.nanoTime();
		List<LabelledSequence> training = new SequenceCache(cache.resolve("train")).load();
		List<LabelledSequence> validation = new SequenceCache(cache.resolve("validation")).load();
		log.accept("Sequences: " + training.size() + " training, " + validation.size() + " held-out (validation faces), "
				+ settings.frames + " frames each");
		LandmarkScheme scheme = LandmarkScheme.ibug68();
		int eyeR = scheme.outerEyeRight(), eyeL = scheme.outerEyeLeft();
		FilterTuning tuning = FilterTuning.run(training, eyeR, eyeL);
		log.accept("One-Euro grid on the training sequences (" + tuning.grid().size() + " settings); best: " + tuning.best());
		TemporalConfig config = TemporalConfig.defaultFace68();
		TemporalTrainer trainer = new TemporalTrainer(config, options, scheme.mirror(), eyeR, eyeL, log);
		try (TemporalModel model = trainer.train(training, validation, device, () -> false)) {
			TemporalComparison comparison = TemporalComparison.run(validation, tuning.best(), new LearnedSmoother(model, "trained"), eyeR, eyeL);
			comparison.lines().forEach(log);
			JsonObject record = new JsonObject();
			JsonArray data = new JsonArray();
			folders.forEach(f -> data.add(f.toString()));
			record.add("data", data);
			record.addProperty("validation_split", "every " + split.every() + "th photo (sorted by file name) of each folder");
			record.addProperty("training_sequences", training.size());
			record.addProperty("held_out_sequences", validation.size());
			record.addProperty("frames_per_sequence", settings.frames);
			record.addProperty("per_frame_model", args.get("model", "face68"));
			record.addProperty("redetect_every", args.integer("redetect-every", 10));
			record.addProperty("epochs", options.epochs);
			record.addProperty("batch", options.batchSize);
			record.addProperty("learning_rate", options.learningRate);
			record.addProperty("jitter_weight", options.jitterWeight);
			record.addProperty("seed", seed);
			record.add("comparison_on_held_out_synthetic_sequences", comparison.toJson());
			record.addProperty("wall_time_seconds_this_run", (System.nanoTime() - t0) / 1e9);
			record.addProperty("device", device.toString());
			Files.createDirectories(output);
			Path weights = output.resolve("weights.params");
			model.saveWeights(weights);
			TemporalPackage pkg = new TemporalPackage(output.getFileName().toString(), "1.0.0", config, "weights.params",
					PackageFiles.sha256(weights), record, LICENCE);
			pkg.write(output);
			Files.write(output.resolve("training-log.txt"), logText.toString().getBytes(StandardCharsets.UTF_8),
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			println(out, "Wrote " + output);
		}
		return 0;
	}

	static final String LICENCE = "Research use only: trained on synthetic videos of the iBUG 300-W annotated faces, whose terms "
			+ "forbid commercial use (the same restriction as the face68 model).";

	private static void println(PrintStream out, String line) {
		out.println(line);
		out.flush();
	}
}
