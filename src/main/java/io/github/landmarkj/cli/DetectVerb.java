package io.github.landmarkj.cli;

import ai.djl.Device;
import io.github.landmarkj.batch.BatchOptions;
import io.github.landmarkj.batch.BatchSummary;
import io.github.landmarkj.batch.FolderBatch;
import io.github.landmarkj.batch.ProgressListener;
import io.github.landmarkj.detect.DetectorPackage;
import io.github.landmarkj.detect.DetectorSettings;
import io.github.landmarkj.engine.Devices;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;

/** {@code detect}: landmarks for an image or a folder of images, written as files. */
final class DetectVerb implements Verb {
	static final String HELP = String.join("\n",
			"landmarkj detect --input IMAGE_OR_FOLDER --output DIR [options]",
			"  Writes per image <stem>.pts (300-W, 1-based; <stem>_<k>.pts for several faces), <stem>.csv and",
			"  <stem>.json (0-based pixels, confidence, occluded flag), optionally <stem>_annotated.png, and for",
			"  the run summary.csv and errors.csv (unreadable files are listed there; the batch goes on).",
			"  Faces come from --boxes; images without a box are searched with the face detector, faces numbered",
			"  left to right. An image without a face gets no .pts, a CSV/JSON without faces and a line",
			"  '<image>: no face found'.",
			"  --boxes CSV           face boxes: header image,x,y,width,height (file name; pixels; 0-based top-left)",
			"                        (tight box of the face's landmarks)",
			"  --detector NAME|DIR   bundled face detector name or detector folder, default face-detector",
			"  --score-threshold X   detector score threshold in (0, 1), default the detector's own (model.json)",
			"  --two-pass true|false refine each detected box with a first landmark pass, default true",
			"  --whole-image         no detector: an image without a box is analysed whole, as one face crop",
			"  --model NAME|DIR      bundled model name or model folder, default face68",
			"  --pattern GLOB        file-name pattern for folders, default *.{jpg,jpeg,png,tif,tiff,bmp}",
			"  --recursive           include sub-folders",
			"  --annotated           also write <stem>_annotated.png",
			"  --threads N           worker threads, one network (and detector) each, default 1",
			"  --device auto|cpu|gpu default auto",
			"  --overwrite           replace existing outputs (default: images with outputs are skipped)");

	@Override
	public int run(String[] argv, PrintStream out) throws Exception {
		Args args = new Args(argv, new HashSet<>(Arrays.asList("recursive", "annotated", "overwrite", "whole-image", "help")));
		args.allowOnly(new HashSet<>(Arrays.asList("input", "output", "boxes", "model", "pattern", "recursive", "annotated",
				"threads", "device", "overwrite", "detector", "score-threshold", "two-pass", "whole-image", "help")));
		if (args.flag("help")) {
			out.println(HELP);
			return 0;
		}
		Path input = args.path("input", null);
		Path output = args.path("output", null);
		if (input == null || output == null) {
			throw new UsageException("detect needs --input and --output (see detect --help)");
		}
		if (!Files.exists(input)) {
			throw new UsageException("--input " + input + " does not exist");
		}
		Path boxes = args.path("boxes", null);
		if (boxes != null && !Files.isRegularFile(boxes)) {
			throw new UsageException("--boxes " + boxes + " is not a file");
		}
		DetectorSettings detection = detection(args);
		boolean single = Files.isRegularFile(input);
		Path folder = single ? input.toAbsolutePath().getParent() : input;
		String pattern = single ? globEscape(input.getFileName().toString()) : args.get("pattern", "*.{jpg,jpeg,png,tif,tiff,bmp,JPG,JPEG,PNG,TIF,TIFF,BMP}");
		Device device = Devices.choose(Devices.Preference.parse(args.get("device", "auto")));
		out.println("Device: " + Devices.describe(device));
		BatchOptions options = new BatchOptions(folder, pattern, args.flag("recursive"), output, args.flag("overwrite"),
				args.flag("annotated"), args.integer("threads", 1), args.get("model", "face68"), device, boxes, detection);
		if (detection != null) {
			out.println("Faces without a box: detector " + detection.detector + (detection.twoPass ? ", two passes" : ", one pass"));
		}
		BatchSummary summary = new FolderBatch(options).run(new ProgressListener() {
			@Override
			public void progress(int done, int total, int failed, double secondsRemaining, String file) {
				out.printf("[%d/%d] %s%s%n", done, total, file, failed > 0 ? "  (" + failed + " failed)" : "");
			}

			@Override
			public void noFace(String image) {
				out.println(image + ": no face found");
			}
		}, () -> false);
		out.println(summary);
		return summary.failed() > 0 && summary.processed() == 0 && summary.skippedExisting() == 0 ? 1 : 0;
	}

	/** The face detector's settings, or null with --whole-image. */
	private static DetectorSettings detection(Args args) {
		boolean detectorOptions = args.has("detector") || args.has("score-threshold") || args.has("two-pass");
		if (args.flag("whole-image")) {
			if (detectorOptions) {
				throw new UsageException("--whole-image uses no detector: drop --detector, --score-threshold and --two-pass");
			}
			return null;
		}
		double threshold = args.number("score-threshold", 0);
		if (args.has("score-threshold") && !(threshold > 0 && threshold < 1)) {
			throw new UsageException("--score-threshold needs a number between 0 and 1 (exclusive), got " + args.get("score-threshold", ""));
		}
		return new DetectorSettings(args.get("detector", DetectorPackage.BUNDLED_NAME), threshold, args.bool("two-pass", true));
	}

	private static String globEscape(String name) {
		return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
	}
}
