package io.github.landmarkj.cli;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.engine.Devices;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.BoxFile;
import io.github.landmarkj.train.EvaluationFiles;
import io.github.landmarkj.train.EvaluationSummary;
import io.github.landmarkj.train.ModelEvaluation;
import io.github.landmarkj.train.ValidationSplit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code evaluate}: accuracy of a model on annotated faces. */
final class EvaluateVerb implements Verb {
	static final String HELP = String.join("\n",
			"landmarkj evaluate --data FOLDER [--data FOLDER ...] [options]",
			"  Runs the model on every annotated face (image + same-stem .pts or .csv) and reports NME normalised",
			"  by the inter-ocular (outer eye corners, points 37/46) and inter-pupil distances, failure rates and",
			"  AUC at 8% and 10%, per-point errors.",
			"  Face boxes default to the tight bounding box of the ground-truth points (300-W common-subset",
			"  convention); with --boxes, the box of the image that overlaps the ground truth most is used.",
			"  --model NAME|DIR      default face68",
			"  --boxes CSV           image,x,y,width,height",
			"  --output DIR          where metrics.json, ced.png, predictions.csv, faces.csv go (default evaluation)",
			"  --validation-every N  only the fixed validation split of train (every N-th photo of each folder)",
			"  --occlusion           also score the occluded flags on synthetically occluded copies of the faces",
			"  --device auto|cpu|gpu default auto",
			"  --overwrite           replace existing evaluation files");

	@Override
	public int run(String[] argv, PrintStream out) throws Exception {
		Args args = new Args(argv, new HashSet<>(Arrays.asList("occlusion", "overwrite", "help")));
		args.allowOnly(new HashSet<>(Arrays.asList("data", "model", "boxes", "output", "occlusion", "device", "overwrite", "validation-every", "help")));
		if (args.flag("help")) {
			out.println(HELP);
			return 0;
		}
		List<AnnotatedFace> faces = new ArrayList<>();
		for (String d : args.all("data")) {
			if (!Files.isDirectory(Path.of(d))) {
				throw new UsageException("--data " + d + " is not a folder");
			}
			faces.addAll(AnnotatedFolderReader.read(Path.of(d)).faces());
		}
		if (args.has("validation-every")) {
			faces = new ValidationSplit(args.integer("validation-every", 8)).split(faces).get(1);
		}
		if (faces.isEmpty()) {
			throw new UsageException("No annotated faces found: give --data folders with images and .pts files");
		}
		Path boxesFile = args.path("boxes", null);
		Map<String, List<FaceBox>> boxes = boxesFile == null ? Collections.emptyMap() : BoxFile.read(boxesFile);
		Device device = Devices.choose(Devices.Preference.parse(args.get("device", "auto")));
		out.println("Device: " + Devices.describe(device));
		Path output = args.path("output", Path.of("evaluation"));
		try (LandmarkDetector detector = LandmarkDetector.open(args.get("model", "face68"), device)) {
			out.println("Model: " + detector.origin() + "; " + faces.size() + " faces; boxes: "
					+ (boxesFile == null ? "tight box of the ground-truth points" : boxesFile));
			ModelEvaluation evaluation = new ModelEvaluation(detector);
			ModelEvaluation.Outcome outcome = evaluation.evaluate(faces, boxes, out::println);
			EvaluationSummary s = outcome.summary;
			out.println(String.format(Locale.ROOT, "faces %d  NME(io) %.3f%%  NME(ip) %.3f%%  FR@8%% %.2f%%  FR@10%% %.2f%%  AUC@8%% %.4f  AUC@10%% %.4f",
					s.count(), 100 * s.meanNmeInterOcular(), 100 * s.meanNmeInterPupil(), 100 * s.failureRate8(), 100 * s.failureRate10(),
					s.auc8(), s.auc10()));
			EvaluationFiles.write(output, outcome, detector.modelPackage().spec().scheme, detector.modelPackage().name(), args.flag("overwrite"));
			if (args.flag("occlusion")) {
				ModelEvaluation.OcclusionScores o = evaluation.syntheticOcclusion(outcome.faces, 7);
				out.println(String.format(Locale.ROOT, "occluded flags on synthetic occluders: precision %.3f  recall %.3f  (%d of %d points hidden)",
						o.precision, o.recall, o.occludedPoints, o.points));
			}
			out.println("Wrote " + output.resolve("metrics.json") + ", ced.png, predictions.csv, faces.csv");
		}
		return 0;
	}
}
