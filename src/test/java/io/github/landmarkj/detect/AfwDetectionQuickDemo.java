package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.core.BenchImages;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.MachineDescription;
import io.github.landmarkj.io.ImageFiles;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The detector on ../shared/data/detection/afw-photos, light enough for a loaded machine (an example, not
 * a test): {@code AfwDetectionQuickDemo [DATA_DIR]}. A listed face is found when a detector box (WIDER
 * style) holds the centre of its listed tight box, each detector box counting for one face only, best
 * score first; detector boxes holding no listed centre are "not listed". Running totals are printed every
 * 20 photos; the first landmark pass's mean confidence is reported for found and not-listed boxes at the
 * model's threshold; then ms per 640 x 480 image at each input size ({@code [DATA_DIR timing]}: only that).
 */
public final class AfwDetectionQuickDemo {
	private static final double[] SCORES = {0.6, 0.7, 0.8, 0.9};

	private AfwDetectionQuickDemo() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data");
		Path afw = data.resolve("detection/afw-photos");
		Map<String, List<FaceBox>> listed = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(afw.resolve("boxes.csv"), StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			listed.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new FaceBox(Double.parseDouble(f[1]), Double.parseDouble(f[2]),
					Double.parseDouble(f[3]), Double.parseDouble(f[4])));
		}
		System.out.println(MachineDescription.describe() + "; load average " + load());
		if (args.length > 1 && args[1].equals("timing")) {
			try (FaceDetector detector = FaceDetector.open(DetectorKind.BUNDLED_NAME, Device.cpu())) {
				timing(detector, ImageFiles.read(afw.resolve(listed.keySet().iterator().next())));
			}
			return;
		}
		try (FaceDetector detector = FaceDetector.open(DetectorKind.BUNDLED_NAME, Device.cpu());
				LandmarkDetector landmarks = LandmarkDetector.open("face68", Device.cpu())) {
			double threshold = detector.modelPackage().spec().scoreThreshold();
			int[] found = new int[SCORES.length], unlisted = new int[SCORES.length];
			int faces = 0, photos = 0;
			List<Double> confFound = new ArrayList<>(), confUnlisted = new ArrayList<>();
			List<String> unlistedBoxes = new ArrayList<>();
			List<Double> ms = new ArrayList<>();
			for (Map.Entry<String, List<FaceBox>> e : listed.entrySet()) {
				RgbImage image = ImageFiles.read(afw.resolve(e.getKey()));
				long t0 = System.nanoTime();
				List<FaceBox> boxes = detector.detect(image, SCORES[0], 0);
				ms.add((System.nanoTime() - t0) / 1e6);
				faces += e.getValue().size();
				photos++;
				for (int s = 0; s < SCORES.length; s++) {
					boolean[] holds = match(boxes, e.getValue(), SCORES[s]);
					for (int i = 0; i < boxes.size(); i++) {
						if (boxes.get(i).score > SCORES[s]) {
							if (holds[i]) {
								found[s]++;
							} else {
								unlisted[s]++;
							}
						}
					}
				}
				boolean[] holds = match(boxes, e.getValue(), threshold);
				List<FaceBox> kept = new ArrayList<>();
				for (FaceBox b : boxes) {
					if (b.score > threshold) {
						kept.add(b);
					}
				}
				List<FaceResult> first = kept.isEmpty() ? Collections.emptyList() : landmarks.detect(image, kept);
				for (int i = 0, k = 0; i < boxes.size(); i++) {
					if (boxes.get(i).score > threshold) {
						double c = first.get(k++).landmarks().meanConfidence();
						(holds[i] ? confFound : confUnlisted).add(c);
						if (!holds[i]) {
							unlistedBoxes.add(String.format(Locale.ROOT, "%s %s conf %.3f", e.getKey(), boxes.get(i), c));
						}
					}
				}
				if (photos % 20 == 0 || photos == listed.size()) {
					System.out.println(String.format(Locale.ROOT, "after %d photos (%d listed faces), load %s:", photos, faces, load()));
					for (int s = 0; s < SCORES.length; s++) {
						System.out.println(String.format(Locale.ROOT, "  score > %.1f: found %d (%.1f%%), not listed %d", SCORES[s], found[s],
								100.0 * found[s] / faces, unlisted[s]));
					}
				}
			}
			Collections.sort(confFound);
			Collections.sort(confUnlisted);
			double[] t = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			System.out.println(String.format(Locale.ROOT, "detector ms per photo: median %.1f, fastest %.1f", t[t.length / 2], t[0]));
			System.out.println("first-pass mean landmark confidence, found faces (" + confFound.size() + "): min " + confFound.get(0)
					+ ", 5th pct " + confFound.get(confFound.size() / 20) + ", median " + confFound.get(confFound.size() / 2));
			System.out.println("not-listed boxes at the model's threshold: " + confUnlisted);
			unlistedBoxes.forEach(s -> System.out.println("  " + s));
			timing(detector, ImageFiles.read(afw.resolve(listed.keySet().iterator().next())));
		}
	}

	/** Which boxes (score above the threshold) hold a listed face's centre, each box and face matched once, best score first. */
	private static boolean[] match(List<FaceBox> boxes, List<FaceBox> truth, double threshold) {
		boolean[] holds = new boolean[boxes.size()];
		boolean[] taken = new boolean[truth.size()];
		Integer[] order = new Integer[boxes.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Double.compare(boxes.get(b).score, boxes.get(a).score));
		for (int i : order) {
			FaceBox b = boxes.get(i);
			if (!(b.score > threshold)) {
				continue;
			}
			int best = -1;
			double bestDistance = Double.MAX_VALUE;
			for (int j = 0; j < truth.size(); j++) {
				FaceBox t = truth.get(j);
				double cx = t.centerX(), cy = t.centerY();
				if (!taken[j] && cx >= b.x && cx <= b.x + b.width && cy >= b.y && cy <= b.y + b.height) {
					double d = Math.hypot(cx - b.centerX(), cy - b.centerY());
					if (d < bestDistance) {
						best = j;
						bestDistance = d;
					}
				}
			}
			if (best >= 0) {
				taken[best] = true;
				holds[i] = true;
			}
		}
		return holds;
	}

	private static void timing(FaceDetector detector, RgbImage photo) {
		RgbImage vga = BenchImages.filling(photo, 640, 480);
		System.out.println("640 x 480 image, detector only (resize, network, decoding), load average " + load() + ":");
		for (double minFace : new double[] {0, 20, 10}) {
			DetectorInput in = detector.input(640, 480, minFace);
			for (int i = 0; i < 5; i++) {
				detector.detect(vga, 0.7, minFace);
			}
			double[] ms = new double[20];
			for (int i = 0; i < ms.length; i++) {
				long t0 = System.nanoTime();
				detector.detect(vga, 0.7, minFace);
				ms[i] = (System.nanoTime() - t0) / 1e6;
			}
			Arrays.sort(ms);
			System.out.println(String.format(Locale.ROOT, "  min_face_size %-3s input %4d x %-4d median %.1f ms, fastest %.1f ms (20 runs)",
					minFace == 0 ? "0" : String.valueOf((int) minFace), in.inputWidth(), in.inputHeight(), ms[ms.length / 2], ms[0]));
		}
	}

	private static String load() {
		return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}
}
