package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.core.FaceAnalysis;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.core.LandmarkGroup;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.MachineDescription;
import io.github.landmarkj.eval.BoxMatching;
import io.github.landmarkj.eval.DetectionVerdicts;
import io.github.landmarkj.io.JudgedBoxFile;
import io.github.landmarkj.eval.ValidationSplit;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.BoxFile;
import io.github.landmarkj.io.ImageFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the default face finding (bundled detector at its threshold and input, {@link BoxRefinement}'s default
 * passes, the reported landmark pass) once over the AFW photos and the 269 face68 validation crops, and writes
 * one CSV row of cheap signals per final box, so that rejection rules can be chosen and checked without
 * running the networks again ({@link FalseDetectionStudy}): an example, not a test.
 * <p>
 * {@code DetectionSignalsDump [DATA_DIR [OUT_CSV [CROPS_DIR]]]}: DATA_DIR defaults to ../shared/data, OUT_CSV to
 * target/eval/detection-signals.csv; with CROPS_DIR, each AFW box that is not a listed face is also written
 * there as a 160 x 160 crop (1.6 times the box) named by its row, for a person to judge.
 * <p>
 * Columns: {@code set} (afw or crops), {@code image} (AFW photo name, or the crop's folder/file),
 * {@code half} (AFW: the photo's index in sorted file-name order modulo 2; crops: -1), the final box
 * {@code x,y,width,height} (image pixels, as the finder returns it), {@code listed} (1 when the box matches a
 * listed/annotated face at IoU >= 0.5, one to one, best IoU first), then the signals of
 * {@link DetectionSignals#NAMES}: detector score, the detector box's width at the detector input and over the
 * image's short side; of the first landmark pass (on the mapped detector box) the mean landmark confidence,
 * the lowest mean of a facial part and each part's mean, the share of points flagged occluded, the mean
 * occlusion map under the points, the mean heat-map peak height and the mean share of each map's mass near
 * its peak ({@code spread}), the RMS residual of the 3-D mean-face pose fit per eye-corner distance and of a
 * 2-D similarity fit of the frontal mean shape over the points' RMS radius; the agreement of passes 1 and 2
 * (mean point shift over the box side, box IoU); the mean confidence of passes 2 and 3 (3: the reported
 * pass), its residuals, the shift from pass 2 to 3; and the detector's score for the same face in a closer
 * view ({@link Runner#secondLook}, 4 and 2.5 box sides around it), which the product does not compute (two
 * more detector runs per box), and how far the landmarks of the mirrored face, mirrored back, lie from the
 * reported ones ({@link Runner#flipShift}; one more landmark pass).
 * <p>
 * On this machine (2 cores, one libtorch thread, other work running) a run takes about 3 minutes.
 */
public final class DetectionSignalsDump {
	/** The verdicts on the default run's AFW boxes that are not listed faces. */
	static final Path VERDICTS = Paths.get("models/face-detector/afw-unlisted-verdicts.csv");
	private DetectionSignalsDump() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data");
		Path out = Paths.get(args.length > 1 ? args[1] : "target/eval/detection-signals.csv");
		Path crops = args.length > 2 ? Paths.get(args[2]) : null;
		System.out.println(MachineDescription.describe());
		Path afw = data.resolve("detection/afw-photos");
		Map<String, List<FaceBox>> listed = readBoxes(afw.resolve("boxes.csv"));
		List<String> photos = new ArrayList<>(listed.keySet());
		StringBuilder csv = new StringBuilder("set,image,half,x,y,width,height,listed," + String.join(",", DetectionSignals.NAMES) + "\n");
		if (crops != null) {
			Files.createDirectories(crops);
		}
		try (FaceDetector detector = FaceDetector.open(DetectorKind.BUNDLED_NAME, Device.cpu());
				LandmarkDetector landmarks = LandmarkDetector.open("face68", Device.cpu())) {
			Runner runner = new Runner(detector, landmarks);
			int unlisted = 0, found = 0;
			Map<String, List<FaceBox>> finalBoxes = new TreeMap<>();
			long start = System.nanoTime();
			for (int p = 0; p < photos.size(); p++) {
				String photo = photos.get(p);
				RgbImage image = ImageFiles.read(afw.resolve(photo));
				List<Row> rows = runner.run(image);
				boolean[] match = match(rows, listed.get(photo));
				for (Row r : rows) {
					finalBoxes.computeIfAbsent(photo, k -> new ArrayList<>()).add(r.box);
				}
				for (int i = 0; i < rows.size(); i++) {
					Row r = rows.get(i);
					csv.append(line("afw", photo, p % 2, r, match[i]));
					if (match[i]) {
						found++;
					} else if (crops != null) {
						writeCrop(image, r.box, crops.resolve(String.format(Locale.ROOT, "%03d_%s_%.0f_%.0f.png", unlisted, photo.replace(".jpg", ""),
								r.box.x, r.box.y)));
					}
					unlisted += match[i] ? 0 : 1;
				}
				if (p % 40 == 0) {
					System.out.println(String.format(Locale.ROOT, "  ... photo %d, %.0f s", p, (System.nanoTime() - start) / 1e9));
				}
			}
			int listedFaces = listed.values().stream().mapToInt(List::size).sum();
			System.out.println("AFW photos: " + photos.size() + ", listed faces found " + found + "/" + listedFaces + ", boxes that are not listed faces "
					+ unlisted);
			if (Files.exists(VERDICTS)) {
				System.out.println("AFW photos against " + VERDICTS + ": " + new DetectionVerdicts(JudgedBoxFile.read(VERDICTS)).tally(finalBoxes, listed));
			}
			List<AnnotatedFace> validation = validationCrops(data);
			int cropFound = 0, other = 0;
			for (AnnotatedFace f : validation) {
				RgbImage image = ImageFiles.read(f.image());
				List<Row> rows = runner.run(image);
				boolean[] match = match(rows, List.of(FaceBox.enclosing(f.points())));
				String name = f.image().getParent().getFileName() + "/" + f.image().getFileName();
				for (int i = 0; i < rows.size(); i++) {
					csv.append(line("crops", name, -1, rows.get(i), match[i]));
					cropFound += match[i] ? 1 : 0;
					other += match[i] ? 0 : 1;
				}
			}
			System.out.println("face68 validation crops: " + validation.size() + ", annotated face found in " + cropFound + ", other boxes " + other);
		}
		Files.createDirectories(out.toAbsolutePath().getParent());
		Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
		Files.write(tmp, csv.toString().getBytes(StandardCharsets.UTF_8));
		Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		System.out.println("Signals written to " + out);
	}

	/** One final box and its signals. */
	record Row(FaceBox box, double[] signals) {
	}

	/** The default finding, step by step, keeping what each step saw. */
	static final class Runner {
		private final FaceDetector detector;
		private final LandmarkDetector landmarks;
		private final DetectorSpec spec;
		private final LandmarkScheme scheme;

		Runner(FaceDetector detector, LandmarkDetector landmarks) {
			this.detector = detector;
			this.landmarks = landmarks;
			this.spec = detector.modelPackage().spec();
			this.scheme = landmarks.modelPackage().spec().scheme;
		}

		List<Row> run(RgbImage original) {
			RgbImage image = original.withNonFiniteReplaced(0);
			DetectorInput in = detector.input(image.width(), image.height(), 0);
			List<FaceBox> detected = detector.detect(image, spec.scoreThreshold(), 0);
			List<FaceBox> mapped = FaceFinder.landmarkBoxes(spec, detected, image.width(), image.height());
			List<Row> rows = new ArrayList<>();
			if (mapped.isEmpty()) {
				return rows;
			}
			// passes: 0 and 1 refine (BoxRefinement.DEFAULT_PASSES = 2), the last one is the reported pass
			List<FaceAnalysis> first = landmarks.analyse(image, mapped);
			SimilarityTransform flip = SimilarityTransform.horizontalFlip(image.width());
			RgbImage mirrored = image.warp(flip, image.width(), image.height());
			for (int i = 0; i < mapped.size(); i++) {
				FaceBox b1 = BoxRefinement.nextBox(mapped.get(i), first.get(i).result().landmarks(), 0, image.width(), image.height());
				if (b1 == null) {
					continue;
				}
				FaceAnalysis second = landmarks.analyse(image, List.of(b1)).get(0);
				FaceBox b2 = BoxRefinement.nextBox(b1, second.result().landmarks(), 0, image.width(), image.height());
				if (b2 == null) {
					continue;
				}
				FaceAnalysis reported = landmarks.analyse(image, List.of(b2)).get(0);
				double side = Math.min(image.width(), image.height());
				FaceBox raw = nearest(detected, mapped.get(i));
				double[] signals = DetectionSignals.of(scheme, raw, in.scale(), side, first.get(i), second, reported);
				signals[signals.length - 3] = secondLook(image, raw, 4);
				signals[signals.length - 2] = secondLook(image, raw, 2.5);
				signals[signals.length - 1] = flipShift(mirrored, flip, b2, reported.result().landmarks());
				rows.add(new Row(b2, signals));
			}
			return rows;
		}

		/**
		 * The detector's best score for the same face in a closer view: a square of {@code context} times the
		 * box's longer side around it, scaled to a 240 x 240 input (the face 240 / context pixels wide); 0
		 * when no box there (score > 0.01) overlaps the face at IoU >= 0.3.
		 */
		double secondLook(RgbImage image, FaceBox raw, double context) {
			int size = 240;
			double s = size / (context * Math.max(raw.width, raw.height));
			RgbImage view = image.warp(SimilarityTransform.of(s, 0, size / 2.0 - raw.centerX() * s, size / 2.0 - raw.centerY() * s), size, size);
			FaceBox expected = new FaceBox(size / 2.0 - raw.width * s / 2, size / 2.0 - raw.height * s / 2, raw.width * s, raw.height * s);
			double best = 0;
			for (FaceBox b : detector.detect(view, 0.01, 0)) {
				if (b.iou(expected) >= 0.3) {
					best = Math.max(best, b.score);
				}
			}
			return best;
		}

		/**
		 * How far the landmarks of the mirrored face (the same box in the mirrored image), mirrored back, lie
		 * from {@code points}: mean distance over the box's side.
		 */
		double flipShift(RgbImage mirrored, SimilarityTransform flip, FaceBox box, Landmarks points) {
			FaceBox mirroredBox = new FaceBox(mirrored.width() - box.x - box.width, box.y, box.width, box.height);
			Landmarks back = landmarks.analyse(mirrored, List.of(mirroredBox)).get(0).result().landmarks().transformed(flip.inverse())
					.permuted(scheme.mirror());
			double sum = 0;
			for (int i = 0; i < points.size(); i++) {
				sum += Math.hypot(points.point(i).x - back.point(i).x, points.point(i).y - back.point(i).y);
			}
			return sum / points.size() / Math.sqrt(box.width * box.height);
		}

		/** The detector box that {@code mapped} came from (the mapping keeps the order, but drops boxes). */
		private FaceBox nearest(List<FaceBox> detected, FaceBox mapped) {
			FaceBox best = null;
			for (FaceBox d : detected) {
				if (d.score == mapped.score && (best == null || Math.abs(d.centerX() - mapped.centerX()) < Math.abs(best.centerX() - mapped.centerX()))) {
					best = d;
				}
			}
			return best;
		}
	}

	/** The signals of one box, named as in {@link #NAMES}. */
	static final class DetectionSignals {
		static final List<String> NAMES;

		static {
			List<String> n = new ArrayList<>(List.of("score", "det_width_input", "det_width_rel", "conf1_mean", "conf1_min_part"));
			for (LandmarkGroup g : LandmarkScheme.ibug68().groups()) {
				n.add("conf1_" + g.name);
			}
			n.addAll(List.of("occluded1_share", "occlusion1_mean", "peak1_mean", "spread1_mean", "pose1_residual", "frontal1_residual",
					"shift12", "iou12", "conf2_mean", "conf3_mean", "pose3_residual", "frontal3_residual", "shift23", "look4_score",
					"look25_score", "flip_shift"));
			NAMES = List.copyOf(n);
		}

		private DetectionSignals() {
		}

		static double[] of(LandmarkScheme scheme, FaceBox raw, double inputScale, double shortSide, FaceAnalysis first, FaceAnalysis second,
				FaceAnalysis reported) {
			Landmarks l1 = first.result().landmarks(), l2 = second.result().landmarks(), l3 = reported.result().landmarks();
			List<Double> v = new ArrayList<>();
			v.add(raw.score);
			v.add(raw.width * inputScale);
			v.add(raw.width / shortSide);
			v.add(l1.meanConfidence());
			double minPart = 1;
			List<Double> parts = new ArrayList<>();
			for (LandmarkGroup g : scheme.groups()) {
				double s = 0;
				for (int i = g.first; i <= g.last; i++) {
					s += l1.confidence(i);
				}
				parts.add(s / g.size());
				minPart = Math.min(minPart, s / g.size());
			}
			v.add(minPart);
			v.addAll(parts);
			int occ = 0;
			double occMean = 0, peak = 0, spread = 0;
			Heatmaps h = first.heatmaps();
			for (int i = 0; i < l1.size(); i++) {
				occ += l1.occluded(i) ? 1 : 0;
				Point2 c = first.imageToCrop().apply(l1.point(i));
				occMean += h.occlusionAt(c.x, c.y) / l1.size();
				float max = 0;
				for (float f : h.map(i)) {
					max = Math.max(max, f);
				}
				peak += Math.min(1, max) / l1.size();
				spread += (max > 0 ? l1.confidence(i) / Math.min(1, max) : 0) / l1.size();
			}
			v.add((double) occ / l1.size());
			v.add(occMean);
			v.add(peak);
			v.add(spread);
			v.add(poseResidual(l1));
			v.add(frontalResidual(l1));
			v.add(meanShift(l1, l2));
			v.add(l1.boundingBox().iou(l2.boundingBox()));
			v.add(l2.meanConfidence());
			v.add(l3.meanConfidence());
			v.add(poseResidual(l3));
			v.add(frontalResidual(l3));
			v.add(meanShift(l2, l3));
			v.add(Double.NaN); // the second looks and the mirror's agreement, filled by the runner
			v.add(Double.NaN);
			v.add(Double.NaN);
			double[] out = new double[v.size()];
			for (int i = 0; i < out.length; i++) {
				out[i] = v.get(i);
			}
			return out;
		}

		/** RMS residual of the 3-D mean-face pose fit on the inner points, per model unit (outer-eye-corner distance). */
		static double poseResidual(Landmarks l) {
			HeadPoseEstimator e = HeadPoseEstimator.ibug68();
			if (!e.canFit(l.points())) {
				return Double.NaN;
			}
			var fit = e.fit(l.points());
			return fit.rmsResidual / fit.scale;
		}

		/** RMS residual of a 2-D similarity fit of the frontal mean face to all 68 points, over the RMS radius of the points. */
		static double frontalResidual(Landmarks l) {
			List<Point2> model = HeadPoseEstimator.ibug68().meanFace().frontalProjection(1, 0, 0);
			return SimilarityFit.relativeResidual(model, l.points());
		}

		private static double meanShift(Landmarks a, Landmarks b) {
			FaceBox box = b.boundingBox();
			double side = Math.sqrt(box.width * box.height), s = 0;
			for (int i = 0; i < a.size(); i++) {
				s += Math.hypot(a.point(i).x - b.point(i).x, a.point(i).y - b.point(i).y);
			}
			return s / a.size() / side;
		}
	}

	/** Least-squares 2-D similarity fit (closed form). */
	static final class SimilarityFit {
		private SimilarityFit() {
		}

		static double relativeResidual(List<Point2> from, List<Point2> to) {
			int n = from.size();
			double fx = 0, fy = 0, tx = 0, ty = 0;
			for (int i = 0; i < n; i++) {
				fx += from.get(i).x / n;
				fy += from.get(i).y / n;
				tx += to.get(i).x / n;
				ty += to.get(i).y / n;
			}
			double a = 0, b = 0, ff = 0, tt = 0;
			for (int i = 0; i < n; i++) {
				double px = from.get(i).x - fx, py = from.get(i).y - fy, qx = to.get(i).x - tx, qy = to.get(i).y - ty;
				a += px * qx + py * qy;
				b += px * qy - py * qx;
				ff += px * px + py * py;
				tt += qx * qx + qy * qy;
			}
			double residual = tt - (a * a + b * b) / ff;
			return Math.sqrt(Math.max(0, residual) / tt);
		}
	}

	private static String line(String set, String image, int half, Row r, boolean listed) {
		StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s,%s,%d,%.2f,%.2f,%.2f,%.2f,%d", set, image, half, r.box.x, r.box.y, r.box.width,
				r.box.height, listed ? 1 : 0));
		for (double v : r.signals) {
			s.append(String.format(Locale.ROOT, ",%.5f", v));
		}
		return s.append('\n').toString();
	}

	/** Which rows match a listed box ({@link BoxMatching}, IoU >= 0.5, one to one, best IoU first). */
	static boolean[] match(List<Row> rows, List<FaceBox> truth) {
		List<FaceBox> boxes = new ArrayList<>(rows.size());
		for (Row r : rows) {
			boxes.add(r.box);
		}
		int[] m = BoxMatching.match(boxes, truth, BoxMatching.DEFAULT_MIN_IOU);
		boolean[] out = new boolean[m.length];
		for (int i = 0; i < m.length; i++) {
			out[i] = m[i] >= 0;
		}
		return out;
	}

	private static void writeCrop(RgbImage image, FaceBox b, Path file) throws IOException {
		double side = 1.6 * Math.max(b.width, b.height), size = 160;
		SimilarityTransform t = SimilarityTransform.of(size / side, 0, size / 2 - b.centerX() * size / side, size / 2 - b.centerY() * size / side);
		ImageFiles.writePng(image.warp(t, (int) size, (int) size), file, true);
	}

	/** The listed faces of {@code boxes.csv} per photo, photos sorted by file name (the order the study's halves follow). */
	/** The face68 validation crops: every 8th face of each folder (afw, helen, lfpw) of {@code data}/face68/train. */
	static List<AnnotatedFace> validationCrops(Path data) throws IOException {
		List<AnnotatedFace> validation = new ArrayList<>();
		for (String folder : new String[] {"afw", "helen", "lfpw"}) {
			validation.addAll(new ValidationSplit(8).split(AnnotatedFolderReader.read(data.resolve("face68/train").resolve(folder)).faces()).get(1));
		}
		return validation;
	}

	static Map<String, List<FaceBox>> readBoxes(Path csv) throws IOException {
		return new TreeMap<>(BoxFile.read(csv));
	}
}
