package io.github.landmarkj.eval;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.IntraOpThreads;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.MachineDescription;
import io.github.landmarkj.engine.TestTimeAugmentation;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.io.UserMessages;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * LandmarkJ against dlib's 68-point shape predictor (ERT, Debian's libdlib-data) in one run (issue 12): the same
 * held-out faces (the fixed validation split: every 8th photo of each folder of face68/train, 269 faces), the same
 * tight ground-truth box for both tools (as {@code evaluate} takes it), the same NME(io) (eval/Metrics); then time per
 * face, LandmarkJ at batch 1 and 16 (crop + network + decoding, on images already decoded) and dlib at batch 1 (the
 * shape-predictor call alone, on grey images already decoded and converted), in interleaved rounds so that the load
 * of a shared machine falls on both alike. Prints a markdown table for the model card. dlib is scored twice: with the
 * tight box, and with the tight box aligned like its own HOG detector's boxes, which its model expects
 * ({@link DlibBoxAlignment}, fitted on training faces).
 * <p>dlib runs in its own process (scripts/dlib-compare/dlib_landmarks, built by scripts/dlib-compare/build.sh),
 * one process per round; its times are measured inside it around the predictor call.
 * <p>Usage (or scripts/dlib-compare/compare.sh, which builds what is missing):
 * {@code DlibComparisonBench [--model NAME_OR_DIR] [--data DIR] [--dlib-runner PATH] [--dlib-model PATH] [--rounds N]
 * [--repeats N] [--timing-faces N] [--torch-threads N] [--fit-faces N] [--flip] [--accuracy-only]}
 */
public final class DlibComparisonBench {
	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
	private static final int BATCH = 16;

	private final Settings settings;
	private final LandmarkDetector detector;
	private final DlibRunner dlib;
	private final Metrics metrics;

	/** The command line's settings, with their defaults. */
	record Settings(String model, Path data, int every, Path dlibRunner, Path dlibModel, int rounds, int repeats, int timingFaces,
			int torchThreads, int fitFaces, boolean flip, boolean accuracyOnly) {
		static Settings parse(String[] args) {
			Map<String, String> v = new HashMap<>();
			boolean accuracyOnly = false, flip = false;
			for (int i = 0; i < args.length; i++) {
				if (args[i].equals("--accuracy-only")) {
					accuracyOnly = true;
				} else if (args[i].equals("--flip")) {
					flip = true;
				} else if (args[i].startsWith("--") && i + 1 < args.length) {
					v.put(args[i].substring(2), args[++i]);
				} else {
					throw new IllegalArgumentException("Unexpected argument '" + args[i] + "'");
				}
			}
			Settings s = new Settings(v.getOrDefault("model", "face68"), Paths.get(v.getOrDefault("data", "../shared/data/face68/train")),
					positive(v, "every", 8), Paths.get(v.getOrDefault("dlib-runner", "target/dlib-compare/dlib_landmarks")),
					Paths.get(v.getOrDefault("dlib-model", DlibRunner.DEBIAN_MODEL)), positive(v, "rounds", 5), positive(v, "repeats", 3),
					positive(v, "timing-faces", 64), positive(v, "torch-threads", 1), positive(v, "fit-faces", 400), flip, accuracyOnly);
			for (String key : List.of("model", "data", "every", "dlib-runner", "dlib-model", "rounds", "repeats", "timing-faces",
					"torch-threads", "fit-faces")) {
				v.remove(key);
			}
			if (!v.isEmpty()) {
				throw new IllegalArgumentException("Unknown option(s): --" + String.join(", --", v.keySet()));
			}
			return s;
		}

		private static int positive(Map<String, String> v, String key, int fallback) {
			String text = v.get(key);
			if (text == null) {
				return fallback;
			}
			try {
				int n = Integer.parseInt(text);
				if (n >= 1) {
					return n;
				}
			} catch (NumberFormatException e) {
				// reported below
			}
			throw new IllegalArgumentException("--" + key + " needs a whole number >= 1, got '" + text + "'");
		}
	}

	/** A face of the comparison: the annotation, its source folder and the one box both tools get. */
	record Face(AnnotatedFace annotation, String folder, FaceBox box) {
	}

	private DlibComparisonBench(Settings settings, LandmarkDetector detector, DlibRunner dlib) {
		this.settings = settings;
		this.detector = detector;
		this.dlib = dlib;
		this.metrics = new Metrics(detector.modelPackage().spec().scheme);
	}

	public static void main(String[] args) throws Exception {
		Settings settings;
		try {
			settings = Settings.parse(args);
		} catch (IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.err.println("Usage: DlibComparisonBench [--model NAME_OR_DIR] [--data DIR] [--every 8] [--dlib-runner PATH] "
					+ "[--dlib-model PATH] [--rounds 5] [--repeats 3] [--timing-faces 64] [--torch-threads 1] [--fit-faces 400] [--flip] [--accuracy-only]");
			System.exit(2);
			return;
		}
		DlibRunner dlib;
		try {
			dlib = new DlibRunner(settings.dlibRunner(), settings.dlibModel(), Paths.get("target", "dlib-compare", "work"));
		} catch (IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.exit(1);
			return;
		}
		try (LandmarkDetector detector = LandmarkDetector.open(settings.model(), Device.cpu(), TestTimeAugmentation.of(settings.flip()))) {
			IntraOpThreads.set(settings.torchThreads()); // once libtorch is loaded, for the whole process
			new DlibComparisonBench(settings, detector, dlib).run();
		}
	}

	private void run() throws Exception {
		System.out.println("Machine: " + MachineDescription.describe());
		System.out.println("Load average at start: " + MachineDescription.loadAverage() + "; libtorch threads: " + IntraOpThreads.current()
				+ " (dlib's predictor runs on one thread)");
		List<List<AnnotatedFace>> split = split();
		List<Face> faces = faces(split.get(1));
		System.out.println(faces.size() + " faces: the fixed validation split (every " + settings.every() + "th photo of each folder of "
				+ settings.data() + "); the tight box of the ground-truth points for both tools");
		DlibBoxAlignment alignment = fitAlignment(faces(split.get(0)));

		List<Map<Integer, List<Point2>>> predictions = new ArrayList<>();
		predictions.add(landmarkJPoints(faces));
		predictions.add(dlibPoints(faces, null));
		predictions.add(dlibPoints(faces, alignment));
		List<Integer> all = new ArrayList<>();
		for (int i = 0; i < faces.size(); i++) {
			final int face = i;
			if (predictions.stream().allMatch(p -> p.containsKey(face))) {
				all.add(i);
			}
		}
		if (all.size() < faces.size()) {
			System.out.println((faces.size() - all.size()) + " face(s) left out: one of the tools could not do them (see above)");
		}
		Accuracy accuracy = new Accuracy(faces, all, predictions);
		Timings timings = settings.accuracyOnly() ? null : time(faces, alignment);
		printTable(accuracy, alignment, timings);
	}

	private List<List<AnnotatedFace>> split() throws java.io.IOException {
		AnnotatedFolderReader.Result read = AnnotatedFolderReader.read(settings.data());
		for (AnnotatedFolderReader.Skipped s : read.skipped()) {
			System.err.println("Skipping " + s);
		}
		return new ValidationSplit(settings.every()).split(read.faces());
	}

	private List<Face> faces(List<AnnotatedFace> annotated) {
		List<Face> faces = new ArrayList<>();
		Path root = settings.data().toAbsolutePath().normalize();
		for (AnnotatedFace f : annotated) {
			String folder = root.relativize(f.image().toAbsolutePath().normalize()).getName(0).toString();
			faces.add(new Face(f, folder, ModelEvaluation.boxFor(f, null)));
		}
		return faces;
	}

	/**
	 * The step from a tight box to dlib's detector's box, fitted on {@code --fit-faces} evenly spaced training faces
	 * (never validation faces) where dlib's HOG detector finds the face.
	 */
	private DlibBoxAlignment fitAlignment(List<Face> training) throws Exception {
		List<Face> sample = evenlySpaced(training, settings.fitFaces());
		Map<Path, List<FaceBox>> detections = dlib.detect(requests(sample, null));
		List<FaceBox> tight = new ArrayList<>(), detected = new ArrayList<>();
		for (Face f : sample) {
			FaceBox d = DlibBoxAlignment.match(f.box(), detections.getOrDefault(f.annotation().image().toAbsolutePath(), List.of()));
			if (d != null) {
				tight.add(f.box());
				detected.add(d);
			}
		}
		if (tight.isEmpty()) {
			throw new IllegalStateException("dlib's face detector found none of " + sample.size() + " training faces: cannot fit its box alignment");
		}
		DlibBoxAlignment alignment = DlibBoxAlignment.fit(tight, detected);
		System.out.println(String.format(Locale.ROOT, "dlib's box alignment, fitted on the %d of %d training faces (evenly spaced) that its HOG "
				+ "detector found: centre + (%.3f, %.3f) x the tight box's longer side, a square %.3f x that side", tight.size(), sample.size(),
				alignment.centreShiftX(), alignment.centreShiftY(), alignment.sidePerSide()));
		return alignment;
	}

	static <T> List<T> evenlySpaced(List<T> all, int count) {
		int n = Math.min(count, all.size());
		List<T> out = new ArrayList<>(n);
		for (int k = 0; k < n; k++) {
			out.add(all.get((int) ((long) k * all.size() / n)));
		}
		return out;
	}

	/** dlib's points by face index, with the tight box or (alignment not null) the box aligned like its detector's. */
	private Map<Integer, List<Point2>> dlibPoints(List<Face> faces, DlibBoxAlignment alignment) throws Exception {
		Map<Integer, List<Point2>> points = new HashMap<>();
		for (DlibRunnerFiles.Result r : dlib.run(requests(faces, alignment), 1)) {
			points.put(r.face(), r.points());
		}
		return points;
	}

	private Map<Integer, List<Point2>> landmarkJPoints(List<Face> faces) {
		Map<Integer, List<Point2>> points = new HashMap<>();
		for (int i = 0; i < faces.size(); i++) {
			Face f = faces.get(i);
			try {
				RgbImage image = ImageFiles.read(f.annotation().image());
				points.put(i, detector.detect(image, List.of(f.box())).get(0).landmarks().points());
			} catch (Exception | OutOfMemoryError e) {
				System.err.println("LandmarkJ skips " + f.annotation().image() + ": " + UserMessages.describe(e));
			}
		}
		return points;
	}

	private static List<DlibRunnerFiles.Request> requests(List<Face> faces, DlibBoxAlignment alignment) {
		List<DlibRunnerFiles.Request> out = new ArrayList<>();
		for (Face f : faces) {
			out.add(new DlibRunnerFiles.Request(f.annotation().image(), alignment == null ? f.box() : alignment.apply(f.box())));
		}
		return out;
	}

	/**
	 * NME and failure rates over the faces every tool did, overall and per source folder: per row LandmarkJ, dlib with
	 * the tight box, dlib with the aligned box, and LandmarkJ's points rounded to whole pixels as dlib's API returns them.
	 */
	private final class Accuracy {
		final Map<String, EvaluationSummary[]> rows = new LinkedHashMap<>();
		final List<double[]> offsets = new ArrayList<>();
		/** Each tool with its own mean offset taken off every point (hindsight: what a constant shift costs it). */
		final EvaluationSummary[] withoutOffset;
		final int count;

		Accuracy(List<Face> faces, List<Integer> used, List<Map<Integer, List<Point2>>> predictions) {
			count = used.size();
			List<Map<Integer, List<Point2>>> columns = new ArrayList<>(predictions);
			Map<Integer, List<Point2>> rounded = new HashMap<>();
			predictions.get(0).forEach((i, points) -> rounded.put(i, points.stream().map(p -> new Point2(Math.rint(p.x), Math.rint(p.y))).toList()));
			columns.add(rounded);
			rows.put("all", summaries(faces, used, columns, i -> true));
			TreeMap<String, Integer> folders = new TreeMap<>();
			for (int i : used) {
				folders.merge(faces.get(i).folder(), 1, Integer::sum);
			}
			for (String folder : folders.keySet()) {
				rows.put(folder, summaries(faces, used, columns, i -> faces.get(i).folder().equals(folder)));
			}
			List<Map<Integer, List<Point2>>> unbiased = new ArrayList<>();
			for (Map<Integer, List<Point2>> p : predictions) {
				double[] offset = meanOffset(faces, used, p);
				offsets.add(offset);
				Map<Integer, List<Point2>> shifted = new HashMap<>();
				p.forEach((i, points) -> shifted.put(i, points.stream().map(q -> new Point2(q.x - offset[0], q.y - offset[1])).toList()));
				unbiased.add(shifted);
			}
			withoutOffset = summaries(faces, used, unbiased, i -> true);
		}

		private EvaluationSummary[] summaries(List<Face> faces, List<Integer> used, List<Map<Integer, List<Point2>>> columns,
				Predicate<Integer> keep) {
			List<List<Point2>> truth = new ArrayList<>();
			List<List<List<Point2>>> predicted = new ArrayList<>();
			for (int c = 0; c < columns.size(); c++) {
				predicted.add(new ArrayList<>());
			}
			for (int i : used) {
				if (keep.test(i)) {
					truth.add(faces.get(i).annotation().points());
					for (int c = 0; c < columns.size(); c++) {
						predicted.get(c).add(columns.get(c).get(i));
					}
				}
			}
			EvaluationSummary[] out = new EvaluationSummary[columns.size()];
			for (int c = 0; c < out.length; c++) {
				out[c] = metrics.evaluate(predicted.get(c), truth);
			}
			return out;
		}

		/** Mean (predicted - truth) in x and y over all points, in pixels: a shift of the coordinate convention shows here. */
		private double[] meanOffset(List<Face> faces, List<Integer> used, Map<Integer, List<Point2>> predicted) {
			double dx = 0, dy = 0;
			int n = 0;
			for (int i : used) {
				List<Point2> truth = faces.get(i).annotation().points(), p = predicted.get(i);
				for (int k = 0; k < truth.size(); k++) {
					dx += p.get(k).x - truth.get(k).x;
					dy += p.get(k).y - truth.get(k).y;
					n++;
				}
			}
			return new double[] {dx / n, dy / n};
		}
	}

	/** Per-face medians (ms) of every round: wall and thread CPU time for each tool and batch. */
	private static final class Timings {
		final List<Double> ours1 = new ArrayList<>(), ours1Cpu = new ArrayList<>(), ours16 = new ArrayList<>(), ours16Cpu = new ArrayList<>(),
				dlib1 = new ArrayList<>(), dlib1Cpu = new ArrayList<>(), greyPerImage = new ArrayList<>();
		final List<double[]> roundMedians = new ArrayList<>();
		String loadBefore, loadAfter;
		int faces;
	}

	/**
	 * Interleaved rounds over an evenly spaced subset of the faces (images decoded beforehand, not timed): LandmarkJ
	 * batch 1, LandmarkJ batch 16 (the face's box 16 times in one call: the work of 16 faces of that size, per face
	 * the call's time / 16), dlib batch 1 (its runner, in its own process); the order flips every round.
	 */
	private Timings time(List<Face> all, DlibBoxAlignment alignment) throws Exception {
		List<Face> faces = evenlySpaced(all, settings.timingFaces());
		int n = faces.size();
		List<RgbImage> images = new ArrayList<>();
		for (Face f : faces) {
			images.add(ImageFiles.read(f.annotation().image()));
		}
		Timings t = new Timings();
		t.faces = n;
		t.loadBefore = MachineDescription.loadAverage();
		for (int i = 0; i < 5; i++) {
			detector.detect(images.get(i % n), Collections.nCopies(BATCH, faces.get(i % n).box()));
		}
		List<DlibRunnerFiles.Request> requests = requests(faces, alignment);
		for (int round = 0; round < settings.rounds(); round++) {
			double[] medians = new double[3];
			for (int step = 0; step < 3; step++) {
				int what = round % 2 == 0 ? step : 2 - step;
				if (what == 0) {
					medians[0] = landmarkJRound(faces, images, 1, t.ours1, t.ours1Cpu);
				} else if (what == 1) {
					medians[1] = landmarkJRound(faces, images, BATCH, t.ours16, t.ours16Cpu);
				} else {
					List<Double> wall = new ArrayList<>();
					for (DlibRunnerFiles.Result r : dlib.run(requests, settings.repeats())) {
						wall.add(r.predictorMillis());
						t.dlib1.add(r.predictorMillis());
						t.dlib1Cpu.add(r.predictorCpuMillis());
						t.greyPerImage.add(r.greyMillis());
					}
					medians[2] = median(wall);
				}
			}
			t.roundMedians.add(medians);
			System.out.println(String.format(Locale.ROOT, "round %d: median ms per face: LandmarkJ batch 1 %.2f, batch 16 %.2f, dlib %.2f; load %s",
					round + 1, medians[0], medians[1], medians[2], MachineDescription.loadAverage()));
		}
		t.loadAfter = MachineDescription.loadAverage();
		return t;
	}

	/** One round of LandmarkJ over the faces: per face one warm-up call, then the median of the repeats, per face. */
	private double landmarkJRound(List<Face> faces, List<RgbImage> images, int batch, List<Double> wall, List<Double> cpu) {
		List<Double> round = new ArrayList<>();
		for (int i = 0; i < faces.size(); i++) {
			List<FaceBox> boxes = Collections.nCopies(batch, faces.get(i).box());
			RgbImage image = images.get(i);
			detector.detect(image, boxes);
			double[] w = new double[settings.repeats()], c = new double[settings.repeats()];
			for (int r = 0; r < w.length; r++) {
				long c0 = CPU.getCurrentThreadCpuTime(), t0 = System.nanoTime();
				detector.detect(image, boxes);
				w[r] = (System.nanoTime() - t0) / 1e6 / batch;
				c[r] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6 / batch;
			}
			double face = median(w);
			wall.add(face);
			cpu.add(median(c));
			round.add(face);
		}
		return median(round);
	}

	private void printTable(Accuracy a, DlibBoxAlignment alignment, Timings t) {
		String ours = "LandmarkJ " + detector.modelPackage().name() + " " + detector.modelPackage().version()
				+ (settings.flip() ? " with flip averaging" : "");
		System.out.println();
		System.out.println("| " + a.count + " held-out faces | " + ours + ", tight box | dlib 68-point (ERT), tight box* | dlib 68-point (ERT), "
				+ "box aligned like its detector's*† |");
		System.out.println("| --- | --- | --- | --- |");
		for (Map.Entry<String, EvaluationSummary[]> row : a.rows.entrySet()) {
			EvaluationSummary[] s = row.getValue();
			String name = row.getKey().equals("all") ? "validation split" : row.getKey();
			System.out.println(String.format(Locale.ROOT, "| NME(io), %s (%d) | %.2f%% | %.2f%% | %.2f%% |", name, s[0].count(),
					100 * s[0].meanNmeInterOcular(), 100 * s[1].meanNmeInterOcular(), 100 * s[2].meanNmeInterOcular()));
			System.out.println(String.format(Locale.ROOT, "| FR@10%%, %s | %.1f%% | %.1f%% | %.1f%% |", name, 100 * s[0].failureRate10(),
					100 * s[1].failureRate10(), 100 * s[2].failureRate10()));
		}
		if (t != null) {
			double ours1 = median(t.ours1), ours16 = median(t.ours16), dlib1 = median(t.dlib1);
			System.out.println(String.format(Locale.ROOT, "| ms per face, batch 1 (median; thread CPU) | %.2f (%.2f) | same call | %.2f (%.2f) |",
					ours1, median(t.ours1Cpu), dlib1, median(t.dlib1Cpu)));
			System.out.println(String.format(Locale.ROOT, "| ms per face, batch 16 (median; thread CPU) | %.2f (%.2f) | – | – |", ours16,
					median(t.ours16Cpu)));
			System.out.println(String.format(Locale.ROOT, "| time per face / dlib's batch 1 | batch 1: %.2f (target <= 2); batch 16: %.2f "
					+ "(target <= 1) | | 1 |", ours1 / dlib1, ours16 / dlib1));
		}
		System.out.println();
		System.out.println("* dlib's model was trained on the 300-W training set (LFPW and HELEN training images, AFW), which holds "
				+ "these validation faces: its NME here is optimistic (the faces are contaminated for dlib, held out for LandmarkJ). "
				+ "It returns whole pixels. Caricatures and the 300-W common subset are not on this machine: no figure here is on them.");
		System.out.println(String.format(Locale.ROOT, "† dlib's model expects boxes aligned like its HOG face detector's, not tight landmark "
				+ "boxes: this column gives it each tight box moved and scaled by the average step from tight box to its detector's box "
				+ "(centre + (%.3f, %.3f) x the longer side, a square %.3f x that side; fitted on training faces only).",
				alignment.centreShiftX(), alignment.centreShiftY(), alignment.sidePerSide()));
		EvaluationSummary[] all = a.rows.get("all");
		System.out.println(String.format(Locale.ROOT, "LandmarkJ's points rounded to whole pixels as dlib's are: NME(io) %.2f%% "
				+ "(%.2f%% unrounded).", 100 * all[3].meanNmeInterOcular(), 100 * all[0].meanNmeInterOcular()));
		System.out.println(String.format(Locale.ROOT, "Mean offset predicted - truth over all points, pixels (x, y): LandmarkJ (%+.2f, %+.2f), "
				+ "dlib tight box (%+.2f, %+.2f), dlib aligned box (%+.2f, %+.2f). All points are 0-based pixels (centre of the "
				+ "top-left pixel 0,0): the .pts ground truth is read 1-based and shifted by -1, dlib's points are used as it returns them.",
				a.offsets.get(0)[0], a.offsets.get(0)[1], a.offsets.get(1)[0], a.offsets.get(1)[1], a.offsets.get(2)[0], a.offsets.get(2)[1]));
		System.out.println(String.format(Locale.ROOT, "With that mean offset taken off every point (in hindsight, on these faces): NME(io) "
				+ "LandmarkJ %.2f%%, dlib tight box %.2f%%, dlib aligned box %.2f%%.", 100 * a.withoutOffset[0].meanNmeInterOcular(),
				100 * a.withoutOffset[1].meanNmeInterOcular(), 100 * a.withoutOffset[2].meanNmeInterOcular()));
		if (t != null) {
			System.out.println(String.format(Locale.ROOT, "Times: %d faces of the split (evenly spaced), %d interleaved rounds (order "
					+ "flipped every round), per face one warm-up call then the median of %d calls; figures are medians over faces and "
					+ "rounds. LandmarkJ: crop + network + decoding on an already decoded RGB image, batch 16 = the face's box 16 times "
					+ "in one call (time / 16). dlib: the shape-predictor call alone on an already loaded grey image, aligned box (the "
					+ "RGB-to-grey conversion, not timed, costs %.2f ms per image, median). Thread CPU counts all of LandmarkJ's work "
					+ "only with one libtorch thread.", t.faces, settings.rounds(), settings.repeats(), median(t.greyPerImage)));
			StringBuilder rounds = new StringBuilder("Per-round medians, ms per face (LandmarkJ batch 1 / batch 16 / dlib):");
			for (double[] m : t.roundMedians) {
				rounds.append(String.format(Locale.ROOT, " %.2f/%.2f/%.2f", m[0], m[1], m[2]));
			}
			System.out.println(rounds);
			System.out.println("Load average " + t.loadBefore + " before the timing rounds, " + t.loadAfter + " after; machine: "
					+ MachineDescription.describe() + "; libtorch threads " + torchThreadsText());
		}
	}

	private static String torchThreadsText() {
		try {
			return Integer.toString(IntraOpThreads.current());
		} catch (Exception e) {
			return "unknown";
		}
	}

	static double median(List<Double> values) {
		double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
		return median(a);
	}

	static double median(double[] values) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] a = values.clone();
		Arrays.sort(a);
		int n = a.length;
		return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
	}
}
