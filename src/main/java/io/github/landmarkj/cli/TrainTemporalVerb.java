package io.github.landmarkj.cli;

import ai.djl.Device;
import com.google.gson.JsonObject;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.ModelInfo;
import io.github.landmarkj.engine.ModelPackage;
import io.github.landmarkj.engine.TemporalKind;
import io.github.landmarkj.engine.TemporalModel;
import io.github.landmarkj.engine.WeightsRecord;
import io.github.landmarkj.net.TemporalConfig;
import io.github.landmarkj.train.FilterTuning;
import io.github.landmarkj.train.LabelledSequence;
import io.github.landmarkj.train.ModelWriter;
import io.github.landmarkj.train.SequenceCache;
import io.github.landmarkj.train.SequenceRecorder;
import io.github.landmarkj.train.SequenceSources;
import io.github.landmarkj.train.SyntheticVideo;
import io.github.landmarkj.train.TemporalComparison;
import io.github.landmarkj.train.TemporalTrainer;
import io.github.landmarkj.train.TrainingData;
import io.github.landmarkj.eval.ValidationSplit;
import io.github.landmarkj.video.LearnedSmoother;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** {@code train-temporal}: synthetic sequences, the tuned filter baseline and the learned temporal model. */
@Command(name = "train-temporal", header = "Trains the temporal model on synthetic videos of annotated faces.", sortOptions = false,
		description = {"Makes synthetic videos of the annotated faces (training faces for training, validation faces held out),",
				"records the per-frame model's points on them (cached in --cache, resumable), tunes the One-Euro filter on",
				"the training videos, trains the temporal model and compares raw, filter and learned on the held-out videos."})
final class TrainTemporalVerb extends Verb {
	static final String LICENCE = "Research use only: trained on synthetic videos of the iBUG 300-W annotated faces, whose terms "
			+ "forbid commercial use (the same restriction as the face68 model).";

	@Mixin
	private TrainingRunOptions run;

	@Option(names = "--cache", paramLabel = "DIR", required = true, description = "where the recorded sequences go (train/, validation/)")
	private Path cache;

	@Option(names = "--model", paramLabel = "NAME|DIR", defaultValue = "face68", description = "per-frame landmark model, default ${DEFAULT-VALUE}")
	private String model;

	@Option(names = "--sequences", paramLabel = "N", defaultValue = "400", description = "training sequences, default ${DEFAULT-VALUE}")
	private int sequences;

	@Option(names = "--validation-sequences", paramLabel = "N", defaultValue = "269",
			description = "held-out sequences (from validation faces), default ${DEFAULT-VALUE}")
	private int validationSequences;

	@Option(names = "--frames", paramLabel = "N", defaultValue = "40", description = "frames per sequence, default ${DEFAULT-VALUE}")
	private int frames;

	@Option(names = "--redetect-every", paramLabel = "N", defaultValue = "10",
			description = "frames between re-detections (the true tight box), default ${DEFAULT-VALUE}")
	private int redetectEvery;

	@Option(names = "--sequences-only", description = "stop after recording the sequences")
	private boolean sequencesOnly;

	@Option(names = "--epochs", paramLabel = "N", defaultValue = "50", description = "default ${DEFAULT-VALUE}")
	private int epochs;

	@Option(names = "--jitter-weight", paramLabel = "X", defaultValue = "1",
			description = "weight of the error's frame-to-frame change in the loss, default ${DEFAULT-VALUE}")
	private double jitterWeight;

	@Mixin
	private DeviceOption device;

	@Override
	int run(CommandLine command, PrintWriter out) throws Exception {
		List<Path> folders = run.folders(command);
		Path output = run.output(command, ModelPackage.FILE_NAME);
		SyntheticVideo.Settings base = SyntheticVideo.Settings.defaults();
		SyntheticVideo.Settings settings;
		TemporalTrainer.Options options;
		try {
			settings = new SyntheticVideo.Settings(frames, base.frameSize(), base.fps(), base.minFaceSide(), base.maxFaceSide());
			options = new TemporalTrainer.Options(epochs, run.batch, run.learningRate, 12, (float) jitterWeight, run.seed,
					run.checkpoints(), run.resume);
		} catch (IllegalArgumentException e) {
			throw ExitCodes.usage(command, e.getMessage());
		}
		Device chosen = device.choose(out);
		long t0 = System.nanoTime();
		ValidationSplit split = new ValidationSplit(run.validationEvery);
		SequenceSources sources = SequenceSources.read(folders, split, 68);
		out.println("Faces: " + sources.training().size() + " training, " + sources.validation().size() + " validation");
		try (LandmarkDetector detector = LandmarkDetector.open(model, chosen)) {
			SequenceRecorder recorder = new SequenceRecorder(
					(frame, box) -> detector.detect(frame, Collections.singletonList(box)).get(0).landmarks(), redetectEvery);
			new SequenceCache(cache.resolve("train")).fill(sources.training(), sequences, run.seed, settings, settings.maxFaceSide(),
					recorder, () -> false, line -> println(out, line));
			new SequenceCache(cache.resolve("validation")).fill(sources.validation(), validationSequences, run.seed + 1L, settings,
					settings.maxFaceSide(), recorder, () -> false, line -> println(out, line));
		}
		if (sequencesOnly) {
			return 0;
		}
		StringBuilder logText = new StringBuilder();
		Consumer<String> log = line -> {
			println(out, line);
			logText.append(line).append('\n');
		};
		List<LabelledSequence> training = new SequenceCache(cache.resolve("train")).load();
		List<LabelledSequence> validation = new SequenceCache(cache.resolve("validation")).load();
		log.accept("Sequences: " + training.size() + " training, " + validation.size() + " held-out (validation faces), "
				+ settings.frames() + " frames each");
		LandmarkScheme scheme = LandmarkScheme.ibug68();
		int eyeR = scheme.outerEyeRight(), eyeL = scheme.outerEyeLeft();
		FilterTuning tuning = FilterTuning.run(training, eyeR, eyeL);
		log.accept("One-Euro grid on the training sequences (" + tuning.grid().size() + " settings); best: " + tuning.best());
		TemporalConfig config = TemporalConfig.defaultFace68();
		TemporalTrainer trainer = new TemporalTrainer(config, options, scheme.mirror(), eyeR, eyeL, log);
		try (TemporalModel trained = trainer.train(training, validation, chosen, () -> false)) {
			TemporalComparison comparison = TemporalComparison.run(validation, tuning.best(), new LearnedSmoother(trained, "trained"),
					eyeR, eyeL);
			comparison.lines().forEach(log);
			JsonObject record = TrainingData.sourcesRecord(folders, split);
			record.addProperty("training_sequences", training.size());
			record.addProperty("held_out_sequences", validation.size());
			record.addProperty("frames_per_sequence", settings.frames());
			record.addProperty("per_frame_model", model);
			record.addProperty("redetect_every", redetectEvery);
			record.addProperty("epochs", options.epochs());
			record.addProperty("batch", options.batchSize());
			record.addProperty("learning_rate", options.learningRate());
			record.addProperty("jitter_weight", options.jitterWeight());
			record.addProperty("seed", options.seed());
			record.add("comparison_on_held_out_synthetic_sequences", comparison.toJson());
			record.addProperty("wall_time_seconds_this_run", (System.nanoTime() - t0) / 1e9);
			record.addProperty("device", chosen.toString());
			JsonObject source = new JsonObject();
			source.addProperty("origin", "trained by LandmarkJ (train-temporal verb) on synthetic videos of the iBUG 300-W training faces");
			source.addProperty("script", "scripts/train-temporal68.sh");
			ModelPackage<TemporalConfig> pkg = new ModelPackage<>(TemporalKind.INSTANCE,
					new ModelInfo(output.getFileName().toString(), "1.0.0", LICENCE, source, ModelInfo.DEFAULT_CARD), WeightsRecord.pending(),
					config, null);
			ModelWriter.write(output, pkg, trained::saveWeights, record, logText.toString(), run.overwrite);
			println(out, "Wrote " + output);
		}
		return 0;
	}

	private static void println(PrintWriter out, String line) {
		out.println(line);
		out.flush();
	}
}
