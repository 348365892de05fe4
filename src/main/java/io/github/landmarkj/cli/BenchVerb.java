package io.github.landmarkj.cli;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.MeanFace3D;
import io.github.landmarkj.detect.DetectorSettings;
import io.github.landmarkj.video.FaceLocator;
import io.github.landmarkj.video.FaceTracker;
import io.github.landmarkj.video.LandmarkEstimator;
import io.github.landmarkj.video.TrackerNetworks;
import io.github.landmarkj.video.TrackerSettings;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.IntraOpThreads;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.MachineDescription;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code bench}: latency per face at batch 1 and throughput at batch 16, end to end (crop from a 640x480
 * image, network, decoding, mapping back), medians of repeated runs after a warm-up, printed side by
 * side with their ratio and the machine.
 */
@Command(name = "bench", header = "Latency and throughput per face, with the machine.", sortOptions = false,
		description = "Median latency per face at batch 1 and per-face time and throughput at "
				+ "batch 16 (RUNS runs at batch 1 and RUNS/4, at least 3, at batch 16, after 50 and 5 warm-up runs); then frames per "
				+ "second tracking one face in 640x480 frames (3 x RUNS frames after 30 warm-up frames, detector every 10 frames).")
final class BenchVerb extends Verb {
	@Mixin
	private ModelOption model;

	@Mixin
	private FlipOption flip;

	@Option(names = "--runs", paramLabel = "RUNS", defaultValue = "100", description = "timed runs at batch 1, default ${DEFAULT-VALUE}")
	private int runs;

	@Option(names = "--torch-threads", paramLabel = "N", description = "libtorch threads for the whole run (default: libtorch's own, one per "
			+ "core; 1 is steadier when other programs use the cores)")
	private Integer torchThreads;

	@Mixin
	private DeviceOption device;

	@Override
	int run(CommandLine command, PrintWriter out) throws Exception {
		if (runs < 1) {
			throw ExitCodes.usage(command, "--runs needs at least 1 timed run, got " + runs);
		}
		if (torchThreads != null && torchThreads < 1) {
			throw ExitCodes.usage(command, "--torch-threads needs at least 1 thread, got " + torchThreads);
		}
		out.println("Machine: " + MachineDescription.describe());
		Device chosen = device.choose(out);
		if (torchThreads != null) {
			IntraOpThreads.set(torchThreads);
		}
		out.println("libtorch threads: " + IntraOpThreads.current() + "; load average at start: " + MachineDescription.loadAverage());
		Random rng = new Random(1);
		float[] pixels = new float[3 * 640 * 480];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = rng.nextFloat() * 255;
		}
		RgbImage image = RgbImage.wrap(640, 480, pixels);
		List<FaceBox> one = Collections.singletonList(new FaceBox(220, 140, 200, 200));
		List<FaceBox> sixteen = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			sixteen.add(new FaceBox(40 * (i % 4) + 100, 30 * (i / 4) + 80, 180 + i, 180 + i));
		}
		try (LandmarkDetector detector = LandmarkDetector.open(model.model, chosen, flip.augmentation())) {
			out.println("Model: " + detector.origin() + " (input " + detector.modelPackage().spec().net.inputSize + " px; test-time augmentation: "
					+ detector.augmentation() + ")");
			// Steady state, as in a folder batch: the JIT compiles the crop and decoding loops and PyTorch's
			// allocator settles only after a few dozen calls.
			for (int i = 0; i < 50; i++) {
				detector.detect(image, one);
			}
			for (int i = 0; i < 5; i++) {
				detector.detect(image, sixteen);
			}
			double batch1 = medianMillis(() -> detector.detect(image, one), runs);
			double batch16 = medianMillis(() -> detector.detect(image, sixteen), Math.max(3, runs / 4));
			double perFace16 = batch16 / 16;
			out.println(String.format(Locale.ROOT, "%-34s %12s %14s", "", "ms per face", "faces per s"));
			out.println(String.format(Locale.ROOT, "%-34s %12.2f %14.1f", "batch 1 (median of " + runs + ")", batch1, 1000 / batch1));
			out.println(String.format(Locale.ROOT, "%-34s %12.2f %14.1f", "batch 16 (median of " + Math.max(3, runs / 4) + ")", perFace16,
					1000 / perFace16));
			out.println(String.format(Locale.ROOT, "ratio batch-16 / batch-1 time per face: %.2f", perFace16 / batch1));
		}
		benchTracking(out, image, chosen);
		return ExitCodes.OK;
	}

	/**
	 * Frames per second tracking one face in 640x480 frames held in memory (no decoding): per frame the
	 * landmark network on the face's region, and every 10 frames the face detector with the landmark passes
	 * that refine its box. Both networks really run; their outputs are replaced by a known face (about 200 px wide,
	 * moving) so that the regions are those of a real face whatever the benchmark image shows.
	 */
	private void benchTracking(PrintWriter out, RgbImage image, Device chosen) throws Exception {
		int warmup = 30, frames = Math.max(50, 3 * runs);
		TrackerSettings settings = TrackerSettings.defaults().withMinConfidence(0);
		try (TrackerNetworks networks = TrackerNetworks.open(model.model, DetectorSettings.bundled(0), chosen)) {
			int[] frame = {0};
			FaceLocator detector = networks.locator();
			LandmarkEstimator landmarks = networks.estimator();
			FaceLocator locator = f -> {
				detector.find(f);
				return Collections.singletonList(knownFace(frame[0]).boundingBox());
			};
			LandmarkEstimator estimator = (f, regions) -> {
				landmarks.estimate(f, regions);
				List<Landmarks> known = new ArrayList<>();
				for (int i = 0; i < regions.size(); i++) {
					known.add(knownFace(frame[0]));
				}
				return known;
			};
			FaceTracker tracker = new FaceTracker(locator, estimator, networks.poses(), settings);
			double[] ms = new double[frames];
			for (int f = 0; f < warmup + frames; f++) {
				frame[0] = f;
				long t0 = System.nanoTime();
				tracker.next(image, f, f / 30.0);
				if (f >= warmup) {
					ms[f - warmup] = (System.nanoTime() - t0) / 1e6;
				}
			}
			double total = 0;
			List<Double> detectorFrames = new ArrayList<>(), otherFrames = new ArrayList<>();
			for (int i = 0; i < frames; i++) {
				total += ms[i];
				((warmup + i) % settings.detectEvery() == 0 ? detectorFrames : otherFrames).add(ms[i]);
			}
			double mean = total / frames;
			out.println(String.format(Locale.ROOT, "tracking one face, 640x480, detector every %d frames (%d frames after %d warm-up):",
					settings.detectEvery(), frames, warmup));
			out.println(String.format(Locale.ROOT, "  %.2f ms per frame on average = %.1f frames per second; median %.2f ms on detector frames, "
					+ "%.2f ms on the others; load average now %s", mean, 1000 / mean, median(detectorFrames), median(otherFrames),
					MachineDescription.loadAverage()));
		}
	}

	/** A frontal face about 200 px wide, drifting slowly around the image's centre. */
	private static Landmarks knownFace(int frame) {
		double cx = 320 + 60 * Math.sin(frame / 20.0), cy = 240 + 30 * Math.cos(frame / 25.0);
		return Landmarks.of(MeanFace3D.bundled().frontalProjection(120, cx, cy));
	}

	private static double median(List<Double> v) {
		double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return a.length == 0 ? Double.NaN : a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
	}

	private static double medianMillis(Runnable task, int runs) {
		double[] t = new double[runs];
		for (int i = 0; i < runs; i++) {
			long t0 = System.nanoTime();
			task.run();
			t[i] = (System.nanoTime() - t0) / 1e6;
		}
		Arrays.sort(t);
		return runs % 2 == 1 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
	}
}
