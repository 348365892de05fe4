package io.github.landmarkj.cli;

import io.github.landmarkj.io.OutputFolders;
import ai.djl.Device;
import io.github.landmarkj.detect.BoxRefinement;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.detect.DetectorSettings;
import io.github.landmarkj.ij.AviFrames;
import io.github.landmarkj.io.AnnotatedImageRenderer;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.video.FolderFrames;
import io.github.landmarkj.video.FrameEstimate;
import io.github.landmarkj.video.FrameSource;
import io.github.landmarkj.video.Track;
import io.github.landmarkj.video.TrackCsv;
import io.github.landmarkj.video.TrackSmoother;
import io.github.landmarkj.video.TrackSmoothers;
import io.github.landmarkj.video.TrackerNetworks;
import io.github.landmarkj.video.TrackerSettings;
import io.github.landmarkj.video.TrackingResult;
import io.github.landmarkj.video.VideoTracking;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code track}: faces followed through a video (AVI or folder of frames), one OpenFace-like CSV per video. */
@Command(name = "track", header = "Faces followed through a video (AVI or folder of frames), one CSV per video.", sortOptions = false,
		description = {
		"Writes DIR/<video>.csv, one row per frame and face: frame (from 1), face_id (from 1, kept while the face is followed), "
				+ "timestamp (s), confidence, success, pitch, yaw, roll (degrees), x_0..x_67, y_0..y_67 (0-based pixels).",
		"AVI: uncompressed or MJPEG, as ImageJ reads them; a folder's images are frames in name order (frame2 before frame10)."})
final class TrackVerb extends Verb {
	static final double DEFAULT_FPS = 30;

	@Option(names = "--input", paramLabel = "VIDEO.avi|FRAMES_FOLDER", required = true, description = "an AVI file or a folder of frames")
	private Path input;

	@Option(names = "--output", paramLabel = "DIR", required = true, description = "folder for the outputs")
	private Path output;

	@Option(names = "--temporal", paramLabel = "learned|filter|none", defaultValue = TrackSmoothers.DEFAULT,
			description = "smoothing of each face's track (learned: the temporal68 model; filter: One-Euro), default ${DEFAULT-VALUE}")
	private String temporal;

	@Option(names = "--fps", paramLabel = "N", description = "frames per second for timestamps, default the AVI's own, else 30")
	private Double fps;

	@Option(names = "--detect-every", paramLabel = "N", defaultValue = "10",
			description = "run the face detector every N frames (and after a face is lost), default ${DEFAULT-VALUE}")
	private int detectEvery;

	@Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0.2",
			description = "mean landmark confidence for success, default ${DEFAULT-VALUE}")
	private double minConfidence;

	@Mixin
	private ModelOption model;

	@Mixin
	private FlipOption flip;

	@Mixin
	private DetectorOption detector;

	@Option(names = "--annotated", description = "also write DIR/<video>_annotated/frame_<n>.png")
	private boolean annotated;

	@Mixin
	private DeviceOption device;

	@Mixin
	private TorchThreadsOption torchThreads;

	@Option(names = "--overwrite", description = "replace existing outputs")
	private boolean overwrite;

	/** The face detector's settings for the frames it searches. */
	DetectorSettings detection() {
		return new DetectorSettings(detector.detector, 0, BoxRefinement.DEFAULT_PASSES).withFacesConfirmed(detector.confirmFaces);
	}

	@Override
	int run(CommandLine command, PrintWriter out) throws Exception {
		if (!Files.exists(input)) {
			throw ExitCodes.usage(command, "--input " + input + " does not exist");
		}
		if (!Files.isDirectory(input) && !input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".avi")) {
			throw ExitCodes.usage(command, "--input must be an .avi file or a folder of frames, got " + input);
		}
		checkSmoother(command, temporal);
		if (detectEvery < 1) {
			throw ExitCodes.usage(command, "--detect-every needs a whole number >= 1, got " + detectEvery);
		}
		if (!(minConfidence >= 0 && minConfidence < 1)) {
			throw ExitCodes.usage(command, "--min-confidence needs a number in [0, 1), got " + minConfidence);
		}
		if (fps != null && !(fps > 0)) {
			throw ExitCodes.usage(command, "--fps needs a positive number, got " + fps);
		}
		OutputFolders.requireWritable(output);
		TrackerSettings settings = TrackerSettings.defaults().withDetectEvery(detectEvery).withMinConfidence(minConfidence);
		String name = stem(input);
		Path csv = output.resolve(name + ".csv");
		Path annotatedFolder = annotated ? output.resolve(name + "_annotated") : null;
		if (!overwrite && Files.exists(csv)) {
			throw new FileAlreadyExistsException(csv.toString(), null, "exists; use --overwrite or another --output");
		}
		Device chosen = device.choose(out);
		torchThreads.apply(command, out);
		DetectorSettings detection = detection();
		try (FrameSource source = open(input);
				TrackSmoother smoother = TrackSmoothers.open(temporal, chosen);
				TrackerNetworks networks = TrackerNetworks.open(model.model, detection, chosen,
						flip.augmentation())) {
			double rate = fps != null ? fps : source.framesPerSecond() > 0 ? source.framesPerSecond() : DEFAULT_FPS;
			out.printf(Locale.ROOT, "%s: %d frames at %.3g frames per second%s; smoothing %s; detector every %d frames%s%s%n", source.name(),
					source.frameCount(), rate, fps != null || source.framesPerSecond() > 0 ? "" : " (not recorded: assumed)", smoother.name(),
					settings.detectEvery(), detection.confirmsFaces() ? ", each face confirmed by " + detection.confirmingDetector : "",
					flip.flip ? "; flip averaging" : "");
			int step = Math.max(1, source.frameCount() / 20);
			TrackingResult result = new VideoTracking(smoother, networks.poses()).run(source, networks.tracker(settings), rate,
					(done, total, faces) -> {
						if (done % step == 0 || done == total) {
							out.printf("[%d/%d] %d face(s)%n", done, total, faces);
						}
					}, () -> Thread.currentThread().isInterrupted());
			TrackCsv.write(csv, result.tracks(), overwrite);
			out.println("Wrote " + csv);
			if (annotatedFolder != null) {
				writeAnnotated(source, result.tracks(), networks, annotatedFolder, overwrite);
				out.println("Wrote annotated frames to " + annotatedFolder);
			}
			out.println(summary(result));
		}
		return ExitCodes.OK;
	}

	private static void checkSmoother(CommandLine command, String name) {
		try {
			TrackSmoothers.check(name);
		} catch (IllegalArgumentException e) {
			throw ExitCodes.usage(command, "--temporal: " + e.getMessage());
		}
	}

	static FrameSource open(Path input) throws IOException {
		return Files.isDirectory(input) ? new FolderFrames(input) : AviFrames.open(input);
	}

	private static String stem(Path input) {
		String n = input.toAbsolutePath().normalize().getFileName().toString();
		int dot = n.lastIndexOf('.');
		return Files.isDirectory(input) || dot <= 0 ? n : n.substring(0, dot);
	}

	private static void writeAnnotated(FrameSource source, List<Track> tracks, TrackerNetworks networks, Path folder, boolean overwrite)
			throws IOException {
		Files.createDirectories(folder);
		int digits = Math.max(5, String.valueOf(source.frameCount()).length());
		for (int f = 0; f < source.frameCount(); f++) {
			RgbImage image = source.frame(f);
			List<FaceResult> faces = new ArrayList<>();
			for (Track t : tracks) {
				FrameEstimate e = t.at(f);
				if (e != null && e.success()) {
					faces.add(new FaceResult(t.faceId - 1, e.landmarks().boundingBox(), e.landmarks()));
				}
			}
			ImageFiles.writePng(AnnotatedImageRenderer.render(image, faces, networks.scheme()),
					folder.resolve(String.format(Locale.ROOT, "frame_%0" + digits + "d.png", f + 1)), overwrite);
		}
	}

	static String summary(TrackingResult r) {
		StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT, "%d frames, %d face track(s), detector on %d frames, %.1f frames per second tracked", r.frameCount,
				r.tracks().size(), r.detectorFrames, r.trackingFramesPerSecond()));
		for (Track t : r.tracks()) {
			long ok = t.frames().stream().filter(e -> e.success()).count();
			s.append(String.format(Locale.ROOT, "%n  face %d: frames %d-%d, success on %d of %d", t.faceId, t.firstFrame() + 1, t.lastFrame() + 1,
					ok, t.frames().size()));
		}
		return s.toString();
	}
}
