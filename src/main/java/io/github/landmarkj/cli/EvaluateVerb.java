package io.github.landmarkj.cli;

import io.github.landmarkj.io.OutputFolders;
import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.BoxFile;
import io.github.landmarkj.eval.EvaluationFiles;
import io.github.landmarkj.ij.CedPlot;
import io.github.landmarkj.eval.EvaluationSummary;
import io.github.landmarkj.eval.ModelEvaluation;
import io.github.landmarkj.eval.SyntheticOcclusionCheck;
import io.github.landmarkj.eval.ValidationSplit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code evaluate}: accuracy of a model on annotated faces. */
@Command(name = "evaluate", header = "Accuracy of a model on annotated faces.", sortOptions = false,
		description = {
		"Runs the model on every annotated face (image + same-stem .pts or .csv) and reports NME normalised by the inter-ocular "
				+ "(outer eye corners, points 37/46) and inter-pupil distances, failure rates and AUC at 8%% and 10%%, per-point errors.",
		"Face boxes default to the tight bounding box of the ground-truth points (300-W common-subset convention); with --boxes, "
				+ "the box of the image that overlaps the ground truth most is used."})
final class EvaluateVerb extends Verb {
	@Option(names = "--data", paramLabel = "DIR", description = "annotated folder (searched recursively); repeat for several")
	private List<Path> data;

	@Mixin
	private ModelOption model;

	@Option(names = "--boxes", paramLabel = "CSV", description = "face boxes: image,x,y,width,height")
	private Path boxesFile;

	@Option(names = "--output", paramLabel = "DIR", defaultValue = "evaluation",
			description = "where metrics.json, ced.png, predictions.csv, faces.csv go, default ${DEFAULT-VALUE}")
	private Path output;

	@Option(names = "--validation-every", paramLabel = "N",
			description = "only the fixed validation split of train (every N-th photo of each folder)")
	private Integer validationEvery;

	@Option(names = "--occlusion", description = "also score the occluded flags on synthetically occluded copies of the faces")
	private boolean occlusion;

	@Mixin
	private FlipOption flip;

	@Mixin
	private DeviceOption device;

	@Mixin
	private TorchThreadsOption torchThreads;

	@Option(names = "--overwrite", description = "replace existing evaluation files")
	private boolean overwrite;

	@Override
	int run(CommandLine command, PrintWriter out) throws Exception {
		List<AnnotatedFace> faces = new ArrayList<>();
		for (Path d : data == null ? List.<Path>of() : data) {
			if (!Files.isDirectory(d)) {
				throw ExitCodes.usage(command, "--data " + d + " is not a folder");
			}
			AnnotatedFolderReader.Result found = AnnotatedFolderReader.read(d);
			for (AnnotatedFolderReader.Skipped skipped : found.skipped()) {
				command.getErr().println("Skipping " + skipped);
			}
			faces.addAll(found.faces());
		}
		if (validationEvery != null) {
			faces = new ValidationSplit(validationEvery).split(faces).get(1);
		}
		if (faces.isEmpty()) {
			throw ExitCodes.usage(command, "No annotated faces found: give --data folders with images and .pts files");
		}
		Map<String, List<FaceBox>> boxes = boxesFile == null ? Collections.emptyMap() : BoxFile.read(boxesFile);
		OutputFolders.requireWritable(output);
		Device chosen = device.choose(out);
		torchThreads.apply(command, out);
		try (LandmarkDetector detector = LandmarkDetector.open(model.model, chosen, flip.augmentation())) {
			out.println("Model: " + detector.origin() + "; " + faces.size() + " faces; boxes: "
					+ (boxesFile == null ? "tight box of the ground-truth points" : boxesFile) + "; decoder "
					+ detector.modelPackage().spec().heatmaps.subpixelMethod.key() + "; test-time augmentation: " + detector.augmentation());
			ModelEvaluation evaluation = new ModelEvaluation(detector);
			ModelEvaluation.Outcome outcome = evaluation.evaluate(faces, boxes, out::println);
			EvaluationSummary s = outcome.summary;
			out.println(String.format(Locale.ROOT, "faces %d  NME(io) %.3f%%  NME(ip) %.3f%%  FR@8%% %.2f%%  FR@10%% %.2f%%  AUC@8%% %.4f  AUC@10%% %.4f",
					s.count(), 100 * s.meanNmeInterOcular(), 100 * s.meanNmeInterPupil(), 100 * s.failureRate8(), 100 * s.failureRate10(),
					s.auc8(), s.auc10()));
			EvaluationFiles.write(output, outcome, detector.modelPackage().spec().scheme, detector.modelPackage().name(), overwrite,
					CedPlot::writePng);
			if (occlusion) {
				ModelEvaluation.OcclusionScores o = new SyntheticOcclusionCheck(detector).syntheticOcclusion(outcome.faces, 7);
				out.println(String.format(Locale.ROOT, "occluded flags on synthetic occluders: precision %.3f  recall %.3f  (%d of %d points hidden)",
						o.precision(), o.recall(), o.occludedPoints(), o.points()));
			}
			out.println("Wrote " + output.resolve("metrics.json") + ", ced.png, predictions.csv, faces.csv");
		}
		return ExitCodes.OK;
	}
}
