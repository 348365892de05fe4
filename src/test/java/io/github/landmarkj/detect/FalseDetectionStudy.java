package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.eval.DetectionVerdicts;
import io.github.landmarkj.eval.DetectionVerdicts.BoxKind;
import io.github.landmarkj.io.JudgedBoxFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Which cheap signal could reject the default finder's false detections (an example, not a test): reads the
 * per-box signals of one run ({@link DetectionSignalsDump}) and the verdicts on the AFW boxes that are not
 * listed faces, chooses rejection rules on one half of the AFW photos and reports them on the other half,
 * on all AFW photos and on the 269 face68 validation crops.
 * <p>
 * {@code FalseDetectionStudy [SIGNALS_CSV [DATA_DIR [VERDICTS_CSV]]]} (defaults target/eval/detection-signals.csv,
 * ../shared/data, models/face-detector/afw-unlisted-verdicts.csv).
 * <ul>
 * <li>Halves: the AFW photos in sorted file-name order, even positions (0, 2, ...) choose, odd positions
 * check.</li>
 * <li>Rules: "reject when signal < t" (confidences, peak heights, score, size, agreement IoU) or
 * "signal > t" (residuals, shifts, occlusion); and any two of them together (both must hold). A rule's
 * threshold is chosen on the choosing half to maximise non-faces removed minus real faces lost (listed or
 * judged a face: each face counts as much as a false detection), ties to the fewer faces lost; candidates
 * are the midpoints between consecutive values of the choosing half.</li>
 * </ul>
 */
public final class FalseDetectionStudy {
	private static final int PAIR_THRESHOLDS = 24;

	private FalseDetectionStudy() {
	}

	/** One box of the run: where it comes from, what it is, its signals. */
	private record Box(String set, String image, int half, FaceBox box, BoxKind kind, double[] signals) {
	}

	/** A rejection rule: signal index, direction (true: reject below), threshold. */
	private record Cut(int signal, boolean below, double threshold) {
		boolean rejects(double[] s) {
			return below ? s[signal] < threshold : s[signal] > threshold;
		}

		String describe() {
			return String.format(Locale.ROOT, "%s %s %.4g", DetectionSignalsDump.DetectionSignals.NAMES.get(signal), below ? "<" : ">", threshold);
		}
	}

	public static void main(String[] args) throws IOException {
		Path signals = Paths.get(args.length > 0 ? args[0] : "target/eval/detection-signals.csv");
		Path data = Paths.get(args.length > 1 ? args[1] : "../shared/data");
		Path verdictFile = Paths.get(args.length > 2 ? args[2] : DetectionSignalsDump.VERDICTS.toString());
		Map<String, List<FaceBox>> listed = DetectionSignalsDump.readBoxes(data.resolve("detection/afw-photos/boxes.csv"));
		DetectionVerdicts verdicts = new DetectionVerdicts(JudgedBoxFile.read(verdictFile));
		List<Box> boxes = read(signals, listed, verdicts);
		List<Box> choose = select(boxes, b -> b.set.equals("afw") && b.half == 0), check = select(boxes, b -> b.set.equals("afw") && b.half == 1);
		List<Box> afw = select(boxes, b -> b.set.equals("afw")), crops = select(boxes, b -> b.set.equals("crops"));
		System.out.println("Signals " + signals + ", verdicts " + verdictFile);
		System.out.println("Choosing half: AFW photos at even positions in sorted file-name order; checking half: odd positions; crops: the "
				+ "269 face68 validation crops (every 8th face per folder), where the annotated face must not be rejected");
		System.out.println(String.format(Locale.ROOT, "%nDefault (no rule):%n  choosing %s%n  checking %s%n  all AFW  %s%n  crops    %s",
				counts(choose, i -> false), counts(check, i -> false), counts(afw, i -> false), crops(crops, i -> false)));
		System.out.println("  AFW tally: " + verdicts.tally(byImage(afw, i -> false), listed));

		List<String> names = DetectionSignalsDump.DetectionSignals.NAMES;
		System.out.println("\nOne signal, threshold chosen on the choosing half (non-faces removed - faces lost); columns: non-faces removed / "
				+ "real faces (listed or judged) lost, on each part; crops: annotated faces of the 269 validation crops lost:");
		System.out.println(HEADER);
		List<Cut> singles = new ArrayList<>();
		for (int s = 0; s < names.size(); s++) {
			Cut best = null;
			int[] bestGain = null;
			boolean below = rejectsBelow(names.get(s));
			for (double t : thresholds(choose, s, Integer.MAX_VALUE)) {
				Cut c = new Cut(s, below, t);
				int[] g = gain(choose, c::rejects);
				if (bestGain == null || better(g, bestGain)) {
					best = c;
					bestGain = g;
				}
			}
			singles.add(best);
			report(best.describe(), choose, check, afw, crops, best::rejects);
		}

		System.out.println("\nTwo signals together (both must hold), " + PAIR_THRESHOLDS + " thresholds each, the best pair of thresholds of each two "
				+ "signals chosen on the choosing half; the 12 best pairs of signals:");
		System.out.println(HEADER);
		List<Object[]> pairs = new ArrayList<>();
		for (int a = 0; a < names.size(); a++) {
			double[] ta = thresholds(choose, a, PAIR_THRESHOLDS);
			for (int b = a + 1; b < names.size(); b++) {
				double[] tb = thresholds(choose, b, PAIR_THRESHOLDS);
				Object[] best = null;
				for (double x : ta) {
					for (double y : tb) {
						Cut ca = new Cut(a, rejectsBelow(names.get(a)), x), cb = new Cut(b, rejectsBelow(names.get(b)), y);
						int[] g = gain(choose, s -> ca.rejects(s) && cb.rejects(s));
						if (best == null || better(g, (int[]) best[0])) {
							best = new Object[] {g, ca, cb};
						}
					}
				}
				pairs.add(best);
			}
		}
		pairs.sort((p, q) -> better((int[]) p[0], (int[]) q[0]) ? -1 : better((int[]) q[0], (int[]) p[0]) ? 1 : 0);
		for (Object[] p : pairs.subList(0, Math.min(12, pairs.size()))) {
			Cut ca = (Cut) p[1], cb = (Cut) p[2];
			report(ca.describe() + " and " + cb.describe(), choose, check, afw, crops, s -> ca.rejects(s) && cb.rejects(s));
		}
	}

	/** Whether low values of a signal point to a non-face (else high values do). */
	static boolean rejectsBelow(String signal) {
		return !(signal.contains("residual") || signal.contains("shift") || signal.startsWith("occlu"));
	}

	/** {non-faces removed, faces lost (listed or judged a face)}. */
	private static int[] gain(List<Box> boxes, java.util.function.Predicate<double[]> rule) {
		int removed = 0, lost = 0;
		for (Box b : boxes) {
			if (rule.test(b.signals)) {
				removed += b.kind == BoxKind.NOT_A_FACE ? 1 : 0;
				lost += b.kind == BoxKind.LISTED || b.kind == BoxKind.FACE ? 1 : 0;
			}
		}
		return new int[] {removed, lost};
	}

	private static boolean better(int[] g, int[] than) {
		int a = g[0] - g[1], b = than[0] - than[1];
		return a > b || a == b && g[1] < than[1];
	}

	/** Midpoints between consecutive distinct values of a signal on {@code boxes}, at most about {@code most} of them, plus one beyond each end. */
	private static double[] thresholds(List<Box> boxes, int signal, int most) {
		double[] v = boxes.stream().mapToDouble(b -> b.signals[signal]).filter(Double::isFinite).sorted().distinct().toArray();
		int step = Math.max(1, v.length / most);
		List<Double> t = new ArrayList<>();
		t.add(v[0] - 1e-9);
		for (int i = step; i < v.length; i += step) {
			t.add((v[i - 1] + v[i]) / 2);
		}
		t.add(v[v.length - 1] + 1e-9);
		return t.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static void report(String rule, List<Box> choose, List<Box> check, List<Box> afw, List<Box> crops,
			java.util.function.Predicate<double[]> rejects) {
		System.out.println(String.format(Locale.ROOT, "  %-58s %-12s %-12s %-12s %d", rule, effect(choose, rejects), effect(check, rejects),
				effect(afw, rejects), crops.stream().filter(b -> b.kind == BoxKind.LISTED && rejects.test(b.signals)).count()));
	}

	private static final String HEADER = String.format(Locale.ROOT, "  %-58s %-12s %-12s %-12s %s%n  %-58s %-12s %-12s %-12s %s", "rule (reject when)",
			"choosing", "checking", "all AFW", "crops", "", "-non/-face", "-non/-face", "-non/-face", "faces lost");

	/** "non-faces removed / faces lost (listed + unlisted real)", e.g. "-3/-1". */
	private static String effect(List<Box> boxes, java.util.function.Predicate<double[]> rejects) {
		int[] g = gain(boxes, rejects);
		return "-" + g[0] + "/-" + g[1];
	}

	/** Per kind: kept of all, for AFW boxes. */
	private static String counts(List<Box> boxes, IntPredicate rejected) {
		int[] all = new int[BoxKind.values().length], kept = new int[all.length];
		for (int i = 0; i < boxes.size(); i++) {
			all[boxes.get(i).kind.ordinal()]++;
			kept[boxes.get(i).kind.ordinal()] += rejected.test(i) ? 0 : 1;
		}
		return String.format(Locale.ROOT, "listed faces kept %d/%d, real unlisted faces kept %d/%d, non-faces left %d/%d, unsure left %d/%d, unjudged %d",
				kept[0], all[0], kept[1], all[1], kept[2], all[2], kept[3], all[3], kept[4]);
	}

	/** Annotated faces of the validation crops kept, and other boxes kept. */
	private static String crops(List<Box> boxes, IntPredicate rejected) {
		int faces = 0, facesKept = 0, other = 0, otherKept = 0;
		for (int i = 0; i < boxes.size(); i++) {
			boolean face = boxes.get(i).kind == BoxKind.LISTED;
			faces += face ? 1 : 0;
			other += face ? 0 : 1;
			facesKept += face && !rejected.test(i) ? 1 : 0;
			otherKept += !face && !rejected.test(i) ? 1 : 0;
		}
		return String.format(Locale.ROOT, "annotated faces kept %d/%d, other boxes kept %d/%d (unjudged)", facesKept, faces, otherKept, other);
	}

	private static Map<String, List<FaceBox>> byImage(List<Box> boxes, IntPredicate rejected) {
		Map<String, List<FaceBox>> out = new TreeMap<>();
		for (int i = 0; i < boxes.size(); i++) {
			if (!rejected.test(i)) {
				out.computeIfAbsent(boxes.get(i).image, k -> new ArrayList<>()).add(boxes.get(i).box);
			}
		}
		return out;
	}

	private static List<Box> select(List<Box> boxes, java.util.function.Predicate<Box> which) {
		return boxes.stream().filter(which).toList();
	}

	/** The dump's rows; AFW boxes classified by the listed faces and the verdicts, crop boxes by the dump's match. */
	private static List<Box> read(Path csv, Map<String, List<FaceBox>> listed, DetectionVerdicts verdicts) throws IOException {
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		List<String> header = Arrays.asList(lines.get(0).split(","));
		int first = header.indexOf("listed") + 1;
		if (!header.subList(first, header.size()).equals(DetectionSignalsDump.DetectionSignals.NAMES)) {
			throw new IOException(csv + " has other signals than " + DetectionSignalsDump.DetectionSignals.NAMES + ": run DetectionSignalsDump again");
		}
		List<String[]> rows = new ArrayList<>();
		Map<String, List<FaceBox>> afwBoxes = new TreeMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			rows.add(f);
			if (f[0].equals("afw")) {
				afwBoxes.computeIfAbsent(f[1], k -> new ArrayList<>()).add(box(f));
			}
		}
		Map<String, List<BoxKind>> kinds = new TreeMap<>();
		for (Map.Entry<String, List<FaceBox>> e : afwBoxes.entrySet()) {
			kinds.put(e.getKey(), verdicts.classify(e.getKey(), e.getValue(), listed.get(e.getKey())));
		}
		Map<String, Integer> seen = new TreeMap<>();
		List<Box> out = new ArrayList<>();
		for (String[] f : rows) {
			double[] s = new double[f.length - first];
			for (int i = 0; i < s.length; i++) {
				s[i] = Double.parseDouble(f[first + i]);
			}
			BoxKind kind;
			if (f[0].equals("afw")) {
				int k = seen.merge(f[1], 1, Integer::sum) - 1;
				kind = kinds.get(f[1]).get(k);
			} else {
				kind = f[first - 1].equals("1") ? BoxKind.LISTED : BoxKind.UNJUDGED;
			}
			out.add(new Box(f[0], f[1], Integer.parseInt(f[2]), box(f), kind, s));
		}
		return out;
	}

	private static FaceBox box(String[] f) {
		return new FaceBox(Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]));
	}
}
