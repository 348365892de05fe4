package io.github.landmarkj.cli;

import ai.djl.Device;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.detect.DetectorPackage;
import io.github.landmarkj.detect.DetectorSettings;
import io.github.landmarkj.engine.Devices;
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

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** {@code track}: faces followed through a video (AVI or folder of frames), one OpenFace-like CSV per video. */
final class TrackVerb implements Verb {
	static final double DEFAULT_FPS = 30;
	static final String HELP = String.join("\n",
			"landmarkj track --input VIDEO.avi|FRAMES_FOLDER --output DIR [options]",
			"  Follows every face through the frames and writes DIR/<video>.csv, one row per frame and face:",
			"  frame (from 1), face_id (from 1, kept while the face is followed), timestamp (s), confidence, success,",
			"  pitch, yaw, roll (degrees), x_0..x_67, y_0..y_67 (0-based pixels). AVI: uncompressed or MJPEG, as",
			"  ImageJ reads them; a folder's images are frames in name order (frame2 before frame10).",
			"  --temporal filter|none|learned  smoothing of each face's track, default filter (One-Euro)",
			"  --fps N               frames per second for timestamps, default the AVI's own, else 30",
			"  --detect-every N      run the face detector every N frames (and when a face is lost), default 10",
			"  --min-confidence X    mean landmark confidence for success, default 0.2",
			"  --model NAME|DIR      bundled model name or model folder, default face68",
			"  --detector NAME|DIR   bundled face detector name or detector folder, default face-detector",
			"  --annotated           also write DIR/<video>_annotated/frame_<n>.png",
			"  --device auto|cpu|gpu default auto",
			"  --overwrite           replace existing outputs");

	@Override
	public int run(String[] argv, PrintStream out) throws Exception {
		Args args = new Args(argv, new HashSet<>(Arrays.asList("annotated", "overwrite", "help")));
		args.allowOnly(new HashSet<>(Arrays.asList("input", "output", "temporal", "fps", "detect-every", "min-confidence", "model",
				"detector", "annotated", "device", "overwrite", "help")));
		if (args.flag("help")) {
			out.println(HELP);
			return 0;
		}
		Path input = args.path("input", null);
		Path output = args.path("output", null);
		if (input == null || output == null) {
			throw new UsageException("track needs --input and --output (see track --help)");
		}
		if (!Files.exists(input)) {
			throw new UsageException("--input " + input + " does not exist");
		}
		TrackSmoother smoother = smoother(args.get("temporal", "filter"));
		TrackerSettings settings = settings(args);
		double fpsOption = args.number("fps", 0);
		if (args.has("fps") && !(fpsOption > 0)) {
			throw new UsageException("--fps needs a positive number, got " + args.get("fps", ""));
		}
		boolean overwrite = args.flag("overwrite");
		String name = stem(input);
		Path csv = output.resolve(name + ".csv");
		Path annotatedFolder = args.flag("annotated") ? output.resolve(name + "_annotated") : null;
		if (!overwrite && Files.exists(csv)) {
			throw new FileAlreadyExistsException(csv.toString(), null, "exists; use --overwrite or another --output");
		}
		Device device = Devices.choose(Devices.Preference.parse(args.get("device", "auto")));
		out.println("Device: " + Devices.describe(device));
		try (FrameSource source = open(input);
				TrackerNetworks networks = TrackerNetworks.open(args.get("model", "face68"),
						new DetectorSettings(args.get("detector", DetectorPackage.BUNDLED_NAME), 0, true), device)) {
			double fps = fpsOption > 0 ? fpsOption : source.framesPerSecond() > 0 ? source.framesPerSecond() : DEFAULT_FPS;
			out.printf(Locale.ROOT, "%s: %d frames at %.3g frames per second%s; smoothing %s; detector every %d frames%n", source.name(),
					source.frameCount(), fps, fpsOption > 0 || source.framesPerSecond() > 0 ? "" : " (not recorded: assumed)", smoother.name(),
					settings.detectEvery);
			int step = Math.max(1, source.frameCount() / 20);
			TrackingResult result = new VideoTracking(smoother, networks.poses()).run(source, networks.tracker(settings), fps,
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
		return 0;
	}

	static TrackSmoother smoother(String name) {
		if (name.equals("learned")) {
			throw new UsageException("--temporal learned: this build has no learned temporal model; use filter or none");
		}
		try {
			return TrackSmoothers.classic(name);
		} catch (IllegalArgumentException e) {
			throw new UsageException("--temporal: " + e.getMessage());
		}
	}

	private static TrackerSettings settings(Args args) {
		TrackerSettings d = TrackerSettings.defaults();
		int every = args.integer("detect-every", d.detectEvery);
		double confidence = args.number("min-confidence", d.minConfidence);
		if (every < 1) {
			throw new UsageException("--detect-every needs a whole number >= 1, got " + every);
		}
		if (!(confidence >= 0 && confidence < 1)) {
			throw new UsageException("--min-confidence needs a number in [0, 1), got " + confidence);
		}
		return d.withDetectEvery(every).withMinConfidence(confidence);
	}

	static FrameSource open(Path input) throws IOException {
		if (Files.isDirectory(input)) {
			return new FolderFrames(input);
		}
		if (input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".avi")) {
			return AviFrames.open(input);
		}
		throw new UsageException("--input must be an .avi file or a folder of frames, got " + input);
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
				if (e != null && e.success) {
					faces.add(new FaceResult(t.faceId - 1, e.landmarks.boundingBox(), e.landmarks));
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
			long ok = t.frames().stream().filter(e -> e.success).count();
			s.append(String.format(Locale.ROOT, "%n  face %d: frames %d-%d, success on %d of %d", t.faceId, t.firstFrame() + 1, t.lastFrame() + 1,
					ok, t.frames().size()));
		}
		return s.toString();
	}
}
