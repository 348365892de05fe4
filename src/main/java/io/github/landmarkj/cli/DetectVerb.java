package io.github.landmarkj.cli;

import ai.djl.Device;
import io.github.landmarkj.batch.BatchOptions;
import io.github.landmarkj.batch.BatchSummary;
import io.github.landmarkj.batch.FolderBatch;
import io.github.landmarkj.batch.ProgressListener;
import io.github.landmarkj.detect.BoxRefinement;
import io.github.landmarkj.detect.DetectorSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code detect}: landmarks for an image or a folder of images, written as files. */
@Command(name = "detect", header = "Landmarks for an image or a folder of images, written as files.", sortOptions = false,
		description = {
		"Writes per image <stem>.pts (300-W, 1-based; <stem>_<k>.pts for several faces), <stem>.csv and <stem>.json (0-based "
				+ "pixels, confidence, occluded flag), optionally <stem>_annotated.png, and for the run summary.csv and errors.csv "
				+ "(unreadable files are listed there; the batch goes on), and landmarkj-outputs.tsv, the record of finished "
				+ "results: a rerun skips images whose recorded outputs all exist, keeps their rows in summary.csv, and never "
				+ "takes its own outputs for input. Images of one folder with the same stem (x.jpg, x.png) write "
				+ "x.jpg.csv, x.png.csv, ... instead. Exit code 3: some images failed (see errors.csv).",
		"Faces come from --boxes; images without a box are searched with the face detector, faces numbered left to right. An "
				+ "image without a face gets no .pts, a CSV/JSON without faces and a line '<image>: no face found'."})
final class DetectVerb extends Verb {
	@Option(names = "--input", paramLabel = "IMAGE_OR_FOLDER", required = true, description = "an image, or a folder of images")
	private Path input;

	@Option(names = "--output", paramLabel = "DIR", required = true, description = "folder for the outputs")
	private Path output;

	@Option(names = "--boxes", paramLabel = "CSV", description = {
			"face boxes: header image,x,y,width,height (file name; pixels; 0-based top-left) (tight box of the face's landmarks)"})
	private Path boxes;

	@Mixin
	private DetectorOption detector;

	@Option(names = "--score-threshold", paramLabel = "X",
			description = "detector score threshold in (0, 1), default the detector's own (model.json)")
	private Double scoreThreshold;

	@Option(names = "--min-face-size", paramLabel = "PIXELS", description = "smallest face to find, image pixels: a larger "
			+ "detector input (0: the detector's own 320 x 240, faces down to about a twelfth of the image's short side)")
	private Double minFaceSize;

	@Option(names = "--refine", paramLabel = "PASSES", defaultValue = "" + BoxRefinement.DEFAULT_PASSES,
			description = "landmark passes that turn each detected box into a tight landmark box, 0 to " + BoxRefinement.MAX_PASSES
					+ " (0: the detector's boxes as they are), default ${DEFAULT-VALUE}")
	private int refinementPasses;

	@Option(names = "--whole-image", description = "no detector: an image without a box is analysed whole, as one face crop")
	private boolean wholeImage;

	@Mixin
	private ModelOption model;

	@Mixin
	private FlipOption flip;

	@Option(names = "--pattern", paramLabel = "GLOB", defaultValue = "*.{jpg,jpeg,png,tif,tiff,bmp,JPG,JPEG,PNG,TIF,TIFF,BMP}",
			description = "file-name pattern for folders, default ${DEFAULT-VALUE}")
	private String pattern;

	@Option(names = "--recursive", description = "include sub-folders")
	private boolean recursive;

	@Option(names = "--annotated", description = "also write <stem>_annotated.png")
	private boolean annotated;

	@Option(names = "--threads", paramLabel = "N", defaultValue = "1",
			description = "worker threads, one network (and detector) each, default ${DEFAULT-VALUE}")
	private int threads;

	@Mixin
	private DeviceOption device;

	@Mixin
	private TorchThreadsOption torchThreads;

	@Option(names = "--overwrite", description = "replace existing outputs (default: images with outputs are skipped)")
	private boolean overwrite;

	@Override
	int run(CommandLine command, PrintWriter out) throws Exception {
		if (!Files.exists(input)) {
			throw ExitCodes.usage(command, "--input " + input + " does not exist");
		}
		if (threads < 1) {
			throw ExitCodes.usage(command, "--threads needs at least 1 worker thread, got " + threads);
		}
		if (boxes != null && !Files.isRegularFile(boxes)) {
			throw ExitCodes.usage(command, "--boxes " + boxes + " is not a file");
		}
		DetectorSettings detection = detection(command);
		boolean single = Files.isRegularFile(input);
		Path folder = single ? input.toAbsolutePath().getParent() : input;
		String filePattern = single ? globEscape(input.getFileName().toString()) : pattern;
		Device chosen = device.choose(out);
		torchThreads.apply(command, out);
		BatchOptions options = new BatchOptions(folder, filePattern, recursive, output, overwrite, annotated, threads, model.model, chosen,
				boxes, detection, flip.augmentation());
		if (flip.flip) {
			out.println("Flip test-time averaging: every face also runs mirrored");
		}
		if (detection != null) {
			out.println("Faces without a box: detector " + detection.detector + ", " + detection.refinementPasses + " refinement pass(es)"
					+ (detection.minFaceSize > 0 ? ", faces from " + detection.minFaceSize + " px" : "")
					+ (detection.confirmsFaces() ? ", each face confirmed by " + detection.confirmingDetector : ""));
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

			@Override
			public void warning(String message) {
				command.getErr().println("Warning: " + message);
			}
		}, () -> false);
		out.println(summary);
		if (summary.failed() > 0) {
			command.getErr().println(summary.failed() + " image(s) failed: the reasons are in " + summary.errorsCsv());
			return ExitCodes.PARTIAL_FAILURE;
		}
		return ExitCodes.OK;
	}

	/** The face detector's settings, or null with --whole-image. */
	DetectorSettings detection(CommandLine command) {
		CommandLine.ParseResult parsed = command.getParseResult();
		boolean detectorOptions = parsed.hasMatchedOption("--detector") || parsed.hasMatchedOption("--score-threshold")
				|| parsed.hasMatchedOption("--refine") || parsed.hasMatchedOption("--min-face-size") || parsed.hasMatchedOption("--confirm-faces");
		if (wholeImage) {
			if (detectorOptions) {
				throw ExitCodes.usage(command, "--whole-image uses no detector: drop --detector, --score-threshold, --min-face-size, --refine "
						+ "and --confirm-faces");
			}
			return null;
		}
		if (scoreThreshold != null && !(scoreThreshold > 0 && scoreThreshold < 1)) {
			throw ExitCodes.usage(command, "--score-threshold needs a number between 0 and 1 (exclusive), got " + scoreThreshold);
		}
		if (refinementPasses < 0 || refinementPasses > BoxRefinement.MAX_PASSES) {
			throw ExitCodes.usage(command, "--refine needs 0 to " + BoxRefinement.MAX_PASSES + " passes, got " + refinementPasses);
		}
		if (minFaceSize != null && !(minFaceSize >= 0 && minFaceSize < Double.POSITIVE_INFINITY)) {
			throw ExitCodes.usage(command, "--min-face-size needs a number of pixels (0 or more), got " + minFaceSize);
		}
		return new DetectorSettings(detector.detector, scoreThreshold == null ? 0 : scoreThreshold, refinementPasses, minFaceSize == null ? 0 : minFaceSize)
				.withFacesConfirmed(detector.confirmFaces);
	}

	private static String globEscape(String name) {
		return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
	}
}
