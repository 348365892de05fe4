package io.github.landmarkj.cli;

import ai.djl.Device;
import io.github.landmarkj.engine.Devices;
import io.github.landmarkj.engine.LandmarkDetector;
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
			"  --device auto|cpu|gpu    default auto");

	@Override
	public int run(String[] argv, PrintStream out) throws Exception {
		Args args = new Args(argv, new HashSet<>(Arrays.asList("sequences-only", "help")));
		args.allowOnly(new HashSet<>(Arrays.asList("data", "cache", "model", "sequences", "validation-sequences", "frames",
				"redetect-every", "validation-every", "seed", "sequences-only", "device", "help")));
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
		return 0;
	}

	private static void println(PrintStream out, String line) {
		out.println(line);
		out.flush();
	}
}
