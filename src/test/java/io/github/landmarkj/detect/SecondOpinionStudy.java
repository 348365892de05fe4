package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.MachineDescription;
import io.github.landmarkj.eval.BoxMatching;
import io.github.landmarkj.eval.DetectionVerdicts;
import io.github.landmarkj.eval.DetectionVerdicts.BoxKind;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.io.JudgedBoxFile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A second, independently trained detector as a second opinion on the default finder's boxes (an example, not
 * a test): the published RFB-640 weights (same network, trained at 640 x 480), converted by
 * scripts/convert-ultra-light-face-detector.sh into a detector folder, against the bundled RFB-320 finder.
 * <p>
 * {@code SecondOpinionStudy DETECTOR_640_DIR DETECTOR_640_AT_320_DIR [DATA_DIR [UNJUDGED_CROPS_DIR]]}: the two
 * folders hold the same 640 weights with input 640 x 480 and 320 x 240 in their model.json, as
 * {@code scripts/convert-ultra-light-face-detector.sh SOURCE 640} writes them (target/face-detector-640 and
 * target/face-detector-640-at-320). Figures and verdicts: the face-detector card, afw-evaluation-log.txt.
 * <ol>
 * <li>Each detector as the finder (its threshold 0.7, two refinement passes, as the default): listed AFW faces
 * found, unlisted boxes counted against the verdicts ({@link DetectionVerdicts}), boxes no verdict covers
 * cropped to UNJUDGED_CROPS_DIR for a person to look at; thread CPU ms per photo (detection and refinement,
 * the three finders interleaved photo by photo in this one process, medians).</li>
 * <li>Agreement: for each final box of the default finder, the best 640-detector score (boxes above 0.01,
 * mapped to landmark boxes by {@code tight_box}) among boxes with IoU >= t with it, for t in {@link #IOUS},
 * (a) on the whole photo at 640 x 480, (b) on the whole photo at 320 x 240, (c) on a region of 4 box sides
 * around it scaled to 480 x 480, (d) on the whole photo at 640 x 480 but never enlarged (an image smaller than
 * that, such as a 384 px validation crop, at its own size). A rule "keep only when that score >= s" is chosen on the even half of the
 * photos (sorted file names; non-faces removed minus real faces lost, ties to fewer faces lost), checked on
 * the odd half and on the 269 face68 validation crops (the annotated face must be kept).</li>
 * </ol>
 */
public final class SecondOpinionStudy {
	static final double[] IOUS = {0.3, 0.4, 0.5, 0.6};
	private static final String[] VIEWS = {"photo640", "photo320", "region480", "capped640"};
	private static final double LOW = 0.01;

	private SecondOpinionStudy() {
	}

	/** A default-finder box: where, what, and its agreement scores [view][iou]. */
	private record Box(String image, int half, FaceBox box, BoxKind kind, double[][] agreement) {
		boolean real() {
			return kind == BoxKind.LISTED || kind == BoxKind.FACE;
		}
	}

	public static void main(String[] args) throws Exception {
		Path dir640 = Paths.get(args[0]), dir640at320 = Paths.get(args[1]);
		Path data = Paths.get(args.length > 2 ? args[2] : "../shared/data");
		Path unjudgedDir = args.length > 3 ? Paths.get(args[3]) : null;
		System.out.println(MachineDescription.describe());
		Path afw = data.resolve("detection/afw-photos");
		Map<String, List<FaceBox>> listed = DetectionSignalsDump.readBoxes(afw.resolve("boxes.csv"));
		DetectionVerdicts verdicts = new DetectionVerdicts(JudgedBoxFile.read(DetectionSignalsDump.VERDICTS));
		List<String> photos = new ArrayList<>(listed.keySet());
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		String[] finderNames = {"RFB-320 at 320x240 (default)", "RFB-640 at 640x480", "RFB-640 at 320x240"};
		List<Map<String, List<FaceBox>>> found = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
		List<List<Double>> ms = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		List<Double> agreementMs = new ArrayList<>();
		List<Box> afwBoxes = new ArrayList<>(), cropBoxes = new ArrayList<>();
		if (unjudgedDir != null) {
			Files.createDirectories(unjudgedDir);
		}
		try (LandmarkDetector landmarks = LandmarkDetector.open("face68", Device.cpu());
				FaceFinder f320 = DetectorSettings.bundled(0).open(landmarks, Device.cpu());
				FaceFinder f640 = new DetectorSettings(dir640.toString(), 0, BoxRefinement.DEFAULT_PASSES).open(landmarks, Device.cpu());
				FaceFinder f640at320 = new DetectorSettings(dir640at320.toString(), 0, BoxRefinement.DEFAULT_PASSES).open(landmarks, Device.cpu());
				FaceDetector d640 = FaceDetector.open(dir640.toString(), Device.cpu());
				FaceDetector d640at320 = FaceDetector.open(dir640at320.toString(), Device.cpu())) {
			FaceFinder[] finders = {f320, f640, f640at320};
			long start = System.nanoTime();
			for (int p = 0; p < photos.size(); p++) {
				String photo = photos.get(p);
				RgbImage image = ImageFiles.read(afw.resolve(photo));
				for (int f = 0; f < finders.length; f++) {
					long t0 = cpu.getCurrentThreadCpuTime();
					List<FaceBox> boxes = finders[f].boxes(image);
					ms.get(f).add((cpu.getCurrentThreadCpuTime() - t0) / 1e6);
					found.get(f).put(photo, boxes);
				}
				long t0 = cpu.getCurrentThreadCpuTime();
				List<FaceBox> second = mapped(d640, image);
				agreementMs.add((cpu.getCurrentThreadCpuTime() - t0) / 1e6);
				List<FaceBox> second320 = mapped(d640at320, image);
				List<FaceBox> mine = found.get(0).get(photo);
				List<BoxKind> kinds = verdicts.classify(photo, mine, listed.get(photo));
				for (int i = 0; i < mine.size(); i++) {
					afwBoxes.add(new Box(photo, p % 2, mine.get(i), kinds.get(i), agreement(d640, image, mine.get(i), second, second320, capped(d640, image))));
				}
				if (unjudgedDir != null) {
					for (int f = 1; f < finders.length; f++) {
						List<FaceBox> theirs = found.get(f).get(photo);
						List<BoxKind> k = verdicts.classify(photo, theirs, listed.get(photo));
						for (int i = 0; i < theirs.size(); i++) {
							if (k.get(i) == BoxKind.UNJUDGED) {
								FaceBox b = theirs.get(i);
								writeCrop(image, b, unjudgedDir.resolve(String.format(Locale.ROOT, "f%d_%s_%.0f_%.0f_%.0f.png", f, photo.replace(".jpg", ""),
										b.x, b.y, b.width)));
							}
						}
					}
				}
				if (p % 40 == 0) {
					System.out.println(String.format(Locale.ROOT, "  ... photo %d, %.0f s", p, (System.nanoTime() - start) / 1e9));
				}
			}
			System.out.println("\nAFW photos (" + photos.size() + "), each detector as the finder (score > its threshold 0.7, 2 refinement passes), "
					+ "thread CPU ms per photo (detection + refinement; median, the three interleaved photo by photo):");
			for (int f = 0; f < finders.length; f++) {
				System.out.println(String.format(Locale.ROOT, "  %-30s %s; %.1f ms", finderNames[f], verdicts.tally(found.get(f), listed),
						median(ms.get(f))));
			}
			System.out.println(String.format(Locale.ROOT, "  second opinion on the whole photo (RFB-640 at 640x480, score > %.2f, mapped): %.1f ms "
					+ "per photo (median thread CPU)", LOW, median(agreementMs)));

			List<AnnotatedFace> validation = DetectionSignalsDump.validationCrops(data);
			int[] cropFound = new int[finders.length];
			for (AnnotatedFace face : validation) {
				RgbImage image = ImageFiles.read(face.image());
				List<FaceBox> truth = List.of(FaceBox.enclosing(face.points()));
				for (int f = 0; f < finders.length; f++) {
					List<FaceBox> boxes = finders[f].boxes(image);
					int[] m = BoxMatching.match(boxes, truth, BoxMatching.DEFAULT_MIN_IOU);
					for (int i = 0; i < m.length; i++) {
						if (m[i] >= 0) {
							cropFound[f]++;
							if (f == 0) {
								cropBoxes.add(new Box(face.image().getParent().getFileName() + "/" + face.image().getFileName(), -1, boxes.get(i), BoxKind.LISTED,
										agreement(d640, image, boxes.get(i), mapped(d640, image), mapped(d640at320, image), capped(d640, image))));
							}
						}
					}
				}
			}
			System.out.println("face68 validation crops (" + validation.size() + "), annotated face found: " + finderNames[0] + " " + cropFound[0] + ", "
					+ finderNames[1] + " " + cropFound[1] + ", " + finderNames[2] + " " + cropFound[2]);
		}
		rules(afwBoxes, cropBoxes);
	}

	/** The detector's boxes above {@link #LOW}, in the landmark model's box convention. */
	private static List<FaceBox> mapped(FaceDetector detector, RgbImage image) {
		DetectorSpec spec = detector.modelPackage().spec();
		List<FaceBox> out = new ArrayList<>();
		for (FaceBox b : detector.detect(image, LOW, 0)) {
			out.add(spec.landmarkBox(b));
		}
		return out;
	}

	/**
	 * The detector's boxes above {@link #LOW} at its input size but never enlarged: an image smaller than the
	 * input (the 384 px validation crops) runs at its own size.
	 */
	private static List<FaceBox> capped(FaceDetector detector, RgbImage image) {
		DetectorSpec spec = detector.modelPackage().spec();
		DetectorInput fit = detector.input(image.width(), image.height(), 0);
		DetectorInput in = new DetectorInput(image.width(), image.height(), Math.min(1, fit.scale()));
		List<FaceBox> out = new ArrayList<>();
		for (FaceBox b : new SsdDecoder(spec.priors(), spec.nmsIou()).decode(detector.run(image, in), PriorBoxes.of(spec.priors(), in.inputWidth(),
				in.inputHeight()), LOW)) {
			out.add(spec.landmarkBox(in.toImage(b)));
		}
		return out;
	}

	/** [view][iou]: the best second-opinion score among boxes overlapping {@code box} at IoU >= IOUS[k]; 0 if none. */
	private static double[][] agreement(FaceDetector d640, RgbImage image, FaceBox box, List<FaceBox> photo640, List<FaceBox> photo320,
			List<FaceBox> capped640) {
		double[][] a = new double[VIEWS.length][];
		a[0] = best(box, photo640);
		a[1] = best(box, photo320);
		a[3] = best(box, capped640);
		int size = 480;
		double context = 4, s = size / (context * Math.max(box.width, box.height));
		double tx = size / 2.0 - box.centerX() * s, ty = size / 2.0 - box.centerY() * s;
		RgbImage view = image.warp(SimilarityTransform.of(s, 0, tx, ty), size, size);
		List<FaceBox> back = new ArrayList<>();
		for (FaceBox b : mapped(d640, view)) {
			back.add(new FaceBox((b.x - tx) / s, (b.y - ty) / s, b.width / s, b.height / s, b.score));
		}
		a[2] = best(box, back);
		return a;
	}

	private static double[] best(FaceBox box, List<FaceBox> others) {
		double[] out = new double[IOUS.length];
		for (FaceBox o : others) {
			double iou = box.iou(o);
			for (int k = 0; k < IOUS.length; k++) {
				if (iou >= IOUS[k]) {
					out[k] = Math.max(out[k], o.score);
				}
			}
		}
		return out;
	}

	/** Chooses "keep when agreement[view][iou] >= s" on the even half, reports it everywhere. */
	private static void rules(List<Box> afw, List<Box> crops) {
		System.out.println("\nAgreement with the RFB-640 detector: keep a default box only when the second detector has a box there with IoU >= t and "
				+ "score >= s; s chosen on the even half (non-faces removed - real faces lost, ties to fewer lost). Columns: non-faces removed / real "
				+ "faces (listed or judged) lost, unsure removed; crops: annotated faces lost of " + crops.size() + " found");
		long nonEven = afw.stream().filter(b -> b.half == 0 && b.kind == BoxKind.NOT_A_FACE).count();
		long nonOdd = afw.stream().filter(b -> b.half == 1 && b.kind == BoxKind.NOT_A_FACE).count();
		long unjudged = afw.stream().filter(b -> b.kind == BoxKind.UNJUDGED).count();
		System.out.println("  default boxes: choosing half non-faces " + nonEven + ", checking half " + nonOdd + ", unjudged " + unjudged);
		System.out.println(String.format(Locale.ROOT, "  %-10s %-5s %-8s %-14s %-14s %-14s %s", "view", "t", "s >=", "choosing", "checking", "all AFW",
				"crops lost"));
		for (int v = 0; v < VIEWS.length; v++) {
			for (int k = 0; k < IOUS.length; k++) {
				final int vv = v, kk = k;
				double[] candidates = afw.stream().filter(b -> b.half == 0).mapToDouble(b -> b.agreement[vv][kk]).distinct().sorted().toArray();
				double bestS = 0;
				int bestGain = 0, bestLost = 0;
				for (int c = 0; c < candidates.length; c++) {
					double s = c == 0 ? candidates[0] / 2 + 1e-9 : (candidates[c - 1] + candidates[c]) / 2;
					if (c == 0 && candidates[0] == 0) {
						s = 1e-9;
					}
					int[] r = removed(afw, 0, vv, kk, s);
					int gain = r[0] - r[1];
					if (gain > bestGain || (gain == bestGain && r[1] < bestLost)) {
						bestGain = gain;
						bestLost = r[1];
						bestS = s;
					}
				}
				int[] ch = removed(afw, 0, v, k, bestS), ck = removed(afw, 1, v, k, bestS), all = removed(afw, -1, v, k, bestS);
				int cropsLost = 0;
				for (Box b : crops) {
					cropsLost += b.agreement[v][k] < bestS ? 1 : 0;
				}
				System.out.println(String.format(Locale.ROOT, "  %-10s %-5.1f %-8.4f %-14s %-14s %-14s %d", VIEWS[v], IOUS[k], bestS, fmt(ch), fmt(ck),
						fmt(all), cropsLost));
				if (k == 2 && (v == 0 || v == 3)) {
					for (Box b : afw) {
						if (b.real() && b.agreement[v][k] < bestS) {
							System.out.println(String.format(Locale.ROOT, "      real face lost: %s %s half %d %s score %.3f", b.kind, b.image, b.half, b.box,
									b.agreement[v][k]));
						}
					}
					for (Box b : crops) {
						if (b.agreement[v][k] < bestS) {
							System.out.println(String.format(Locale.ROOT, "      crop lost: %s %s score %.3f", b.image, b.box, b.agreement[v][k]));
						}
					}
				}
			}
		}
		System.out.println("\nSecond-opinion scores (photo640, IoU >= 0.5) of the judged non-faces and unsure boxes:");
		for (Box b : afw) {
			if (b.kind == BoxKind.NOT_A_FACE || b.kind == BoxKind.UNSURE) {
				System.out.println(String.format(Locale.ROOT, "  %s %-16s half %d: photo640 %.3f, photo320 %.3f, region480 %.3f", b.kind, b.image, b.half,
						b.agreement[0][2], b.agreement[1][2], b.agreement[2][2]));
			}
		}
		double[] realScores = afw.stream().filter(Box::real).mapToDouble(b -> b.agreement[0][2]).sorted().toArray();
		System.out.println(String.format(Locale.ROOT, "  real faces (listed or judged, %d): photo640 score lowest ten %s", realScores.length,
				Arrays.toString(Arrays.stream(Arrays.copyOf(realScores, Math.min(10, realScores.length))).map(x -> Math.round(x * 1000) / 1000.0).toArray())));
	}

	/** {non-faces removed, real faces lost, unsure removed} on half h (-1: all) by "keep when >= s". */
	private static int[] removed(List<Box> boxes, int half, int view, int iou, double s) {
		int[] r = new int[3];
		for (Box b : boxes) {
			if ((half < 0 || b.half == half) && b.agreement[view][iou] < s) {
				r[0] += b.kind == BoxKind.NOT_A_FACE ? 1 : 0;
				r[1] += b.real() ? 1 : 0;
				r[2] += b.kind == BoxKind.UNSURE ? 1 : 0;
			}
		}
		return r;
	}

	private static String fmt(int[] r) {
		return String.format(Locale.ROOT, "-%d/-%d (u-%d)", r[0], r[1], r[2]);
	}

	private static double median(List<Double> values) {
		double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
	}

	private static void writeCrop(RgbImage image, FaceBox b, Path file) throws java.io.IOException {
		double side = 1.6 * Math.max(b.width, b.height), size = 160;
		SimilarityTransform t = SimilarityTransform.of(size / side, 0, size / 2 - b.centerX() * size / side, size / 2 - b.centerY() * size / side);
		ImageFiles.writePng(image.warp(t, (int) size, (int) size), file, true);
	}
}
