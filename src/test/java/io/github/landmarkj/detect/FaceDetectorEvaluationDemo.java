package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.core.BenchImages;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.MachineDescription;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.BoxFile;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.eval.BoxMatching;
import io.github.landmarkj.eval.Metrics;
import io.github.landmarkj.eval.ValidationSplit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bundled face detector's figures for its card (an example, not a test):
 * {@code FaceDetectorEvaluationDemo [DATA_DIR [CROPS_DIR [MIN_FACE_SIZES [PARTS [PASSES]]]]]}, DATA_DIR defaulting to
 * ../shared/data, MIN_FACE_SIZES e.g. {@code 0,40} (AFW figures at each; the first also gives the AFW NME),
 * PARTS a subset of {@code afw,crops,timing} (default all), PASSES the box refinement passes (default the product's).
 * <ul>
 * <li>detection/afw-photos (185 photos, 337 listed faces): a listed face is found when a final (first-pass,
 * tight landmark) box has IoU >= 0.5 with its listed box, each box matched at most once, best IoU first;
 * every other final box is "not a listed face" and is cropped to CROPS_DIR for a person to look at.
 * Figures at several score thresholds and first-pass mean landmark confidences, and minimum face sizes.</li>
 * <li>Landmark NME(io), the detector's box refined as the product does (BoxRefinement's default passes) vs one pass from the ground-truth tight box, on
 * the AFW faces found in the full photos (points mapped from face68/train/afw crops), and on the 269
 * validation crops of face68 (every 8th photo per folder).</li>
 * <li>ms per 640 x 480 image at each input size (detector only).</li>
 * </ul>
 */
public final class FaceDetectorEvaluationDemo {
	private static final double MATCH_IOU = 0.5;
	private static final double[] SCORES = {0.6, 0.7, 0.8, 0.9};
	private static final double[] CONFIDENCES = {0, 0.2, 0.3, 0.4, 0.5, 0.6};

	private FaceDetectorEvaluationDemo() {
	}

	/** One final box of a photo: detector score, first-pass mean landmark confidence, listed face matched. */
	private static final class Detection {
		final String photo;
		final FaceBox detectorBox;
		final FaceBox tight;
		final double confidence;
		boolean matched;

		Detection(String photo, FaceBox detectorBox, FaceBox tight, double confidence) {
			this.photo = photo;
			this.detectorBox = detectorBox;
			this.tight = tight;
			this.confidence = confidence;
		}
	}

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data");
		Path crops = args.length > 1 && !args[1].equals("-") ? Paths.get(args[1]) : null;
		double[] minFaces = Arrays.stream((args.length > 2 ? args[2] : "0").split(",")).mapToDouble(Double::parseDouble).toArray();
		String parts = args.length > 3 ? args[3] : "afw,crops,timing";
		int passes = args.length > 4 ? Integer.parseInt(args[4]) : BoxRefinement.DEFAULT_PASSES;
		Path afw = data.resolve("detection/afw-photos");
		Map<String, List<FaceBox>> listed = BoxFile.read(afw.resolve("boxes.csv"));
		System.out.println(MachineDescription.describe() + "; load average " + load());
		int listedFaces = listed.values().stream().mapToInt(List::size).sum();
		System.out.println("AFW photos: " + listed.size() + " photos, " + listedFaces + " listed faces; match: IoU >= " + MATCH_IOU
				+ " between the final tight box and the listed box");
		try (FaceDetector detector = FaceDetector.open(DetectorKind.BUNDLED_NAME, Device.cpu());
				LandmarkDetector landmarks = LandmarkDetector.open("face68", Device.cpu())) {
			BoxRefinement refinement = new BoxRefinement(landmarks, passes, 0);
			System.out.println("Refinement passes: " + passes);
			List<Detection> chosen = null;
			DetectorSpec pkg = detector.modelPackage().spec();
			for (double minFace : parts.contains("afw") ? minFaces : new double[0]) {
				List<Detection> all = new ArrayList<>();
				double[] detectMs = new double[listed.size()], totalMs = new double[listed.size()];
				int p = 0;
				long start = System.nanoTime();
				for (Map.Entry<String, List<FaceBox>> e : listed.entrySet()) {
					if (p % 20 == 0) {
						System.out.println(String.format(Locale.ROOT, "  ... photo %d, %.0f s", p, (System.nanoTime() - start) / 1e9));
					}
					RgbImage image = ImageFiles.read(afw.resolve(e.getKey()));
					long t0 = System.nanoTime();
					List<FaceBox> found = FaceFinder.landmarkBoxes(pkg, detector.detect(image, SCORES[0], minFace), image.width(), image.height());
					long t1 = System.nanoTime();
					List<FaceResult> first = found.isEmpty() ? Collections.emptyList() : landmarks.detect(image, found);
					totalMs[p] = (System.nanoTime() - t0) / 1e6;
					detectMs[p++] = (t1 - t0) / 1e6;
					for (int i = 0; i < found.size(); i++) {
						all.add(new Detection(e.getKey(), found.get(i), FaceBox.enclosing(first.get(i).landmarks().points()),
								first.get(i).landmarks().meanConfidence()));
					}
				}
				System.out.println(String.format(Locale.ROOT, "%nmin_face_size %s: median %.1f ms per photo to detect, %.1f ms with the first "
						+ "landmark pass", minFace == 0 ? "0 (320 x 240 input)" : minFace + " px", median(detectMs), median(totalMs)));
				System.out.println("  score  min.conf  found/listed  recall   not listed");
				for (double s : SCORES) {
					for (double c : CONFIDENCES) {
						int[] r = score(all, listed, s, c);
						System.out.println(String.format(Locale.ROOT, "  %.1f    %.1f       %3d/%d       %.1f%%   %d", s, c, r[0], listedFaces,
								100.0 * r[0] / listedFaces, r[1]));
					}
				}
				if (chosen == null) {
					chosen = all;
					score(chosen, listed, pkg.scoreThreshold(), 0);
					confidenceOfMatches(chosen, pkg.scoreThreshold());
					if (crops != null) {
						writeUnlisted(chosen, afw, crops, pkg.scoreThreshold());
					}
					afwLandmarks(data, listed, chosen, pkg.scoreThreshold(), refinement, landmarks);
				}
			}
			if (parts.contains("crops")) {
				validationCrops(data, detector, refinement, landmarks);
			}
			if (parts.contains("timing")) {
				timing(detector, ImageFiles.read(afw.resolve(listed.keySet().iterator().next())));
			}
		}
	}

	/** {found listed faces, final boxes that are not a listed face} at a score and confidence threshold; marks matches. */
	private static int[] score(List<Detection> all, Map<String, List<FaceBox>> listed, double minScore, double minConfidence) {
		int found = 0, unlisted = 0;
		Map<String, List<Detection>> byPhoto = new LinkedHashMap<>();
		for (Detection d : all) {
			d.matched = false;
			if (d.detectorBox.score > minScore && d.confidence >= minConfidence) {
				byPhoto.computeIfAbsent(d.photo, k -> new ArrayList<>()).add(d);
			}
		}
		for (Map.Entry<String, List<Detection>> e : byPhoto.entrySet()) {
			List<FaceBox> tight = new ArrayList<>(e.getValue().size());
			for (Detection d : e.getValue()) {
				tight.add(d.tight);
			}
			int[] match = BoxMatching.match(tight, listed.get(e.getKey()), MATCH_IOU);
			for (int i = 0; i < match.length; i++) {
				if (match[i] >= 0) {
					e.getValue().get(i).matched = true;
					found++;
				} else {
					unlisted++;
				}
			}
		}
		return new int[] {found, unlisted};
	}

	private static void confidenceOfMatches(List<Detection> all, double minScore) {
		List<Double> matched = new ArrayList<>(), other = new ArrayList<>();
		for (Detection d : all) {
			if (d.detectorBox.score > minScore) {
				(d.matched ? matched : other).add(d.confidence);
			}
		}
		Collections.sort(matched);
		Collections.sort(other);
		System.out.println(String.format(Locale.ROOT, "%nFirst-pass mean landmark confidence at score > %.1f: listed faces found: min %.3f, "
				+ "5th percentile %.3f, median %.3f; boxes that are not listed faces: %s", minScore, matched.get(0),
				matched.get(matched.size() / 20), matched.get(matched.size() / 2), other));
	}

	private static void writeUnlisted(List<Detection> all, Path afw, Path out, double minScore) throws IOException {
		Files.createDirectories(out);
		int n = 0;
		for (Detection d : all) {
			if (d.detectorBox.score > minScore && !d.matched) {
				RgbImage image = ImageFiles.read(afw.resolve(d.photo));
				FaceBox b = d.detectorBox;
				double side = 1.6 * Math.max(b.width, b.height), size = 160;
				SimilarityTransform t = SimilarityTransform.of(size / side, 0, size / 2 - b.centerX() * size / side,
						size / 2 - b.centerY() * size / side);
				String name = String.format(Locale.ROOT, "%02d_%s_score%.2f_conf%.2f.png", n++, d.photo.replace(".jpg", ""), b.score,
						d.confidence);
				ImageFiles.writePng(image.warp(t, (int) size, (int) size), out.resolve(name), true);
			}
		}
		System.out.println(n + " boxes that are not listed faces written to " + out);
	}

	/** NME(io) on the AFW faces found in the full photos: the detector box refined vs one pass from the true tight box. */
	private static void afwLandmarks(Path data, Map<String, List<FaceBox>> listed, List<Detection> all, double minScore,
			BoxRefinement refinement, LandmarkDetector landmarks) throws IOException {
		Path afwCrops = data.resolve("face68/train/afw");
		List<AnnotatedFace> faces = AnnotatedFolderReader.read(afwCrops).faces();
		Set<Path> validation = new HashSet<>();
		for (AnnotatedFace f : new ValidationSplit(8).split(faces).get(1)) {
			validation.add(f.image());
		}
		Metrics metrics = new Metrics(landmarks.modelPackage().spec().scheme);
		List<List<Point2>> det = new ArrayList<>(), gt = new ArrayList<>(), truth = new ArrayList<>();
		List<List<Point2>> detV = new ArrayList<>(), gtV = new ArrayList<>(), truthV = new ArrayList<>();
		int missing = 0;
		double worstScaleMismatch = 0;
		Map<String, Set<Integer>> usedBoxes = new LinkedHashMap<>();
		for (AnnotatedFace f : faces) {
			String stem = f.image().getFileName().toString().replaceAll("\\.jpg$", "");
			String photo = stem.substring(0, stem.lastIndexOf('_')) + ".jpg";
			List<FaceBox> boxes = listed.get(photo);
			FaceBox crop = FaceBox.enclosing(f.points());
			int best = -1;
			double bestDiff = Double.MAX_VALUE;
			Set<Integer> used = usedBoxes.computeIfAbsent(photo, k -> new HashSet<>());
			for (int j = 0; j < boxes.size(); j++) {
				double diff = Math.abs(Math.log(boxes.get(j).width / boxes.get(j).height) - Math.log(crop.width / crop.height));
				if (!used.contains(j) && diff < bestDiff) {
					best = j;
					bestDiff = diff;
				}
			}
			used.add(best);
			FaceBox box = boxes.get(best);
			double s = box.width / crop.width;
			worstScaleMismatch = Math.max(worstScaleMismatch, Math.abs(box.height / crop.height / s - 1));
			List<Point2> points = new ArrayList<>();
			for (Point2 q : f.points()) {
				points.add(new Point2(box.x + (q.x - crop.x) * s, box.y + (q.y - crop.y) * s));
			}
			Detection match = null;
			for (Detection d : all) {
				if (d.photo.equals(photo) && d.detectorBox.score > minScore && d.matched && d.tight.iou(box) >= MATCH_IOU
						&& (match == null || d.tight.iou(box) > match.tight.iou(box))) {
					match = d;
				}
			}
			if (match == null) {
				missing++;
				continue;
			}
			RgbImage image = ImageFiles.read(data.resolve("detection/afw-photos").resolve(photo));
			List<Point2> fromDetector = refinement.detect(image, Collections.singletonList(match.detectorBox)).get(0).landmarks().points();
			List<Point2> fromTruth = landmarks.detect(image, Collections.singletonList(box)).get(0).landmarks().points();
			det.add(fromDetector);
			gt.add(fromTruth);
			truth.add(points);
			if (validation.contains(f.image())) {
				detV.add(fromDetector);
				gtV.add(fromTruth);
				truthV.add(points);
			}
		}
		System.out.println(String.format(Locale.ROOT, "%nAFW full photos (points mapped from the face68 crops; largest width/height scale "
				+ "mismatch %.1f%%): %d faces found, %d not found at score > %.1f", 100 * worstScaleMismatch, det.size(), missing, minScore));
		nme("  all AFW faces found     ", metrics, det, gt, truth);
		nme("  AFW validation faces    ", metrics, detV, gtV, truthV);
	}

	private static void nme(String what, Metrics metrics, List<List<Point2>> det, List<List<Point2>> gt, List<List<Point2>> truth) {
		if (truth.isEmpty()) {
			System.out.println(what + ": none");
			return;
		}
		double d = metrics.evaluate(det, truth).meanNmeInterOcular(), g = metrics.evaluate(gt, truth).meanNmeInterOcular();
		System.out.println(String.format(Locale.ROOT, "%s (%d): NME(io) detector boxes, refined %.3f%%; ground-truth boxes %.3f%% "
				+ "(%+.1f%% relative)", what, truth.size(), 100 * d, 100 * g, 100 * (d / g - 1)));
	}

	/** The 269 validation crops: the detector on the whole crop (refined) vs the true tight box. */
	private static void validationCrops(Path data, FaceDetector detector, BoxRefinement refinement, LandmarkDetector landmarks)
			throws IOException {
		List<AnnotatedFace> validation = DetectionSignalsDump.validationCrops(data);
		Metrics metrics = new Metrics(landmarks.modelPackage().spec().scheme);
		List<List<Point2>> det = new ArrayList<>(), gt = new ArrayList<>(), truth = new ArrayList<>();
		List<List<Point2>> gtAll = new ArrayList<>(), truthAll = new ArrayList<>();
		int others = 0;
		List<String> missed = new ArrayList<>();
		for (AnnotatedFace f : validation) {
			RgbImage image = ImageFiles.read(f.image());
			FaceBox box = FaceBox.enclosing(f.points());
			List<FaceBox> found = FaceFinder.landmarkBoxes(detector.modelPackage().spec(), detector.detect(image), image.width(), image.height());
			List<Point2> fromTruth = landmarks.detect(image, Collections.singletonList(box)).get(0).landmarks().points();
			gtAll.add(fromTruth);
			truthAll.add(f.points());
			List<FaceResult> results = refinement.detect(image, found);
			FaceResult best = null;
			for (FaceResult r : results) {
				double iou = FaceBox.enclosing(r.landmarks().points()).iou(box);
				if (iou >= MATCH_IOU && (best == null || iou > FaceBox.enclosing(best.landmarks().points()).iou(box))) {
					best = r;
				}
			}
			others += results.size() - (best == null ? 0 : 1);
			if (best == null) {
				missed.add(f.image().getFileName().toString());
				continue;
			}
			det.add(best.landmarks().points());
			gt.add(fromTruth);
			truth.add(f.points());
		}
		System.out.println(String.format(Locale.ROOT, "%nface68 validation crops (%d): annotated face found in %d (%.1f%%), missed %s; %d other "
				+ "boxes (other faces in the crops or false)", validation.size(), det.size(), 100.0 * det.size() / validation.size(), missed,
				others));
		nme("  validation crops found  ", metrics, det, gt, truth);
		System.out.println(String.format(Locale.ROOT, "  all %d validation crops, ground-truth boxes: NME(io) %.3f%%", truthAll.size(),
				100 * metrics.evaluate(gtAll, truthAll).meanNmeInterOcular()));
	}

	/** Median detector time (resize, network, decoding) on a 640 x 480 image at each input size offered. */
	private static void timing(FaceDetector detector, RgbImage photo) {
		RgbImage vga = BenchImages.filling(photo, 640, 480);
		System.out.println(String.format(Locale.ROOT, "%n640 x 480 image, detector only (load average %s):", load()));
		for (double minFace : new double[] {0, 20, 10}) {
			DetectorInput in = detector.input(640, 480, minFace);
			double[] ms = new double[30];
			for (int i = 0; i < 10; i++) {
				detector.detect(vga, 0.7, minFace);
			}
			for (int i = 0; i < ms.length; i++) {
				long t0 = System.nanoTime();
				detector.detect(vga, 0.7, minFace);
				ms[i] = (System.nanoTime() - t0) / 1e6;
			}
			Arrays.sort(ms);
			System.out.println(String.format(Locale.ROOT, "  min_face_size %-4s input %4d x %-4d median %.1f ms, fastest %.1f ms (30 runs)",
					minFace == 0 ? "0" : String.valueOf((int) minFace), in.inputWidth(), in.inputHeight(), ms[ms.length / 2], ms[0]));
		}
	}

	private static String load() {
		return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static double median(double[] v) {
		double[] c = v.clone();
		Arrays.sort(c);
		return c[c.length / 2];
	}

}
