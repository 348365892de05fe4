package io.github.landmarkj.core;

import ai.djl.Device;
import io.github.landmarkj.engine.HeatmapSettings;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.MachineDescription;
import io.github.landmarkj.engine.TestTimeAugmentation;
import io.github.landmarkj.eval.EvaluationSummary;
import io.github.landmarkj.eval.Metrics;
import io.github.landmarkj.eval.ValidationSplit;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.train.HeatmapTargets;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the heat-map decoder and flip test-time averaging are worth, on the fixed validation split (every
 * 8th photo of each folder of face68/train; boxes = tight box of the ground truth, as {@code evaluate}):
 * <ol>
 * <li>the decoder's floor: the ground-truth points rendered as training targets ({@code HeatmapTargets},
 * the model's sigma) in each face's crop, decoded and mapped back; the NME that decoding alone costs;</li>
 * <li>each decoder (centre of gravity at several radii and floors, DARK, Taylor) on the model's heat maps,
 * without and with flip averaging: NME(io), NME(ip), FR@10%;</li>
 * <li>time per face at batch 1 without and with flip (crop + network + decoding), interleaved A/B in this
 * one process, median wall and thread CPU time, with the machine and load beside them.</li>
 * </ol>
 * Usage (test class path, see the face68 card): {@code DecodingBench [DATA_DIR] [MODEL] [TIMING_ROUNDS]},
 * defaults {@code ../shared/data/face68/train models/face68 40}.
 */
public final class DecodingBench {
	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	private DecodingBench() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data/face68/train");
		String modelSpec = args.length > 1 ? args[1] : "models/face68";
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 40;
		List<AnnotatedFace> faces = new ValidationSplit(8).split(AnnotatedFolderReader.read(data).faces()).get(1);
		System.out.println("Machine: " + MachineDescription.describe());
		System.out.println("Data: validation split of " + data + " (every 8th photo of each folder): " + faces.size() + " faces");
		try (LandmarkDetector direct = LandmarkDetector.open(modelSpec, Device.cpu(), TestTimeAugmentation.NONE);
				LandmarkDetector flipped = LandmarkDetector.open(modelSpec, Device.cpu(), TestTimeAugmentation.FLIP)) {
			HeatmapSettings settings = direct.modelPackage().spec().heatmaps;
			System.out.println("Model: " + direct.origin() + " " + direct.modelPackage().version() + "; sigma " + settings.sigma
					+ ", decode_radius " + settings.decodeRadius + ", decoder " + settings.subpixelMethod.key());
			Metrics metrics = new Metrics(direct.modelPackage().spec().scheme);
			Map<String, HeatmapDecoder> decoders = decoders(settings);
			List<List<Point2>> truth = new ArrayList<>();
			Map<String, List<List<Point2>>> floor = new LinkedHashMap<>(), plain = new LinkedHashMap<>(), flip = new LinkedHashMap<>();
			List<FaceJob> jobs = new ArrayList<>();
			List<Heatmaps> networkMaps = new ArrayList<>();
			for (AnnotatedFace face : faces) {
				RgbImage image = ImageFiles.read(face.image());
				List<FaceBox> box = List.of(FaceBox.enclosing(face.points()));
				FaceAnalysis a = direct.analyse(image, box).get(0);
				FaceAnalysis f = flipped.analyse(image, box).get(0);
				jobs.add(new FaceJob(image, box));
				networkMaps.add(a.heatmaps());
				truth.add(face.points());
				SimilarityTransform back = a.imageToCrop().inverse();
				Heatmaps target = targets(a, face.points(), settings.sigma);
				for (Map.Entry<String, HeatmapDecoder> d : decoders.entrySet()) {
					floor.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d.getValue().decode(target).transformed(back).points());
					plain.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d.getValue().decode(a.heatmaps()).transformed(back).points());
					flip.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d.getValue().decode(f.heatmaps()).transformed(f.imageToCrop().inverse()).points());
				}
			}
			System.out.println();
			System.out.println("NME on the validation faces (percent of the inter-ocular / inter-pupil distance)");
			System.out.println("(vs own: the mean per-face change of NME(io) against the model's own decoder without flip, "
					+ "+- 1.96 standard errors of the paired differences; better: faces where it is lower)");
			System.out.println(String.format(Locale.ROOT, "%-28s %9s | %8s %8s %7s %17s %7s | %8s %8s %7s %17s %7s", "decoder", "floor",
					"NME(io)", "NME(ip)", "FR@10%", "vs own", "better", "flip io", "flip ip", "FR@10%", "vs own", "better"));
			double[] own = metrics.evaluate(plain.values().iterator().next(), truth).faceNmeInterOcular();
			for (String name : decoders.keySet()) {
				EvaluationSummary fl = metrics.evaluate(floor.get(name), truth);
				EvaluationSummary p = metrics.evaluate(plain.get(name), truth);
				EvaluationSummary f = metrics.evaluate(flip.get(name), truth);
				System.out.println(String.format(Locale.ROOT, "%-28s %8.3f%% | %7.3f%% %7.3f%% %6.2f%% %17s %7s | %7.3f%% %7.3f%% %6.2f%% %17s %7s",
						name, 100 * fl.meanNmeInterOcular(), 100 * p.meanNmeInterOcular(), 100 * p.meanNmeInterPupil(), 100 * p.failureRate10(),
						paired(p.faceNmeInterOcular(), own), better(p.faceNmeInterOcular(), own), 100 * f.meanNmeInterOcular(),
						100 * f.meanNmeInterPupil(), 100 * f.failureRate10(), paired(f.faceNmeInterOcular(), own),
						better(f.faceNmeInterOcular(), own)));
			}
			perPart(metrics, direct.modelPackage().spec().scheme, plain.values().iterator().next(), flip.values().iterator().next(), truth);
			System.out.println();
			timeDecoders(decoders, networkMaps);
			timeFlip(direct, flipped, jobs, rounds);
		}
	}

	/** The decoders compared; the first is the model's own. */
	private static Map<String, HeatmapDecoder> decoders(HeatmapSettings s) {
		Map<String, HeatmapDecoder> out = new LinkedHashMap<>();
		out.put("model.json (" + s.subpixelMethod.key() + ")", s.decoder());
		for (int radius : new int[] {2, 3, 4}) {
			for (double floorShare : new double[] {0, 0.1, 0.2, 0.3, 0.4}) {
				out.put(String.format(Locale.ROOT, "centre_of_gravity r%d f%.1f", radius, floorShare),
						new HeatmapDecoder(SubpixelMethod.CENTRE_OF_GRAVITY, radius, floorShare, s.sigma, s.occlusionThreshold));
			}
		}
		out.put("dark", new HeatmapDecoder(SubpixelMethod.DARK, s.decodeRadius, s.sigma, s.occlusionThreshold));
		out.put("taylor", new HeatmapDecoder(SubpixelMethod.TAYLOR, s.decodeRadius, s.sigma, s.occlusionThreshold));
		return out;
	}

	/** The training targets of the true points in the face's crop, shaped like the network's output. */
	private static Heatmaps targets(FaceAnalysis a, List<Point2> truth, double sigma) {
		Heatmaps h = a.heatmaps();
		List<Point2> inCrop = new ArrayList<>(truth.size());
		for (Point2 p : truth) {
			inCrop.add(a.imageToCrop().apply(p));
		}
		float[] maps = new HeatmapTargets(h.size, h.stride, sigma).render(inCrop);
		return new Heatmaps(maps, h.count, h.size, h.stride, h.occlusionGrid(), h.occlusionSize, h.occlusionStride);
	}

	private record FaceJob(RgbImage image, List<FaceBox> box) {
	}

	/** NME(io) by facial part, the model's own decoder, without and with flip. */
	private static void perPart(Metrics metrics, LandmarkScheme scheme, List<List<Point2>> plain, List<List<Point2>> flip,
			List<List<Point2>> truth) {
		double[] a = metrics.evaluate(plain, truth).pointNmeInterOcular(), b = metrics.evaluate(flip, truth).pointNmeInterOcular();
		System.out.println();
		System.out.println("NME(io) by part, the model's own decoder: without flip -> with flip");
		for (LandmarkGroup g : scheme.groups()) {
			double sa = 0, sb = 0;
			for (int i = g.first; i <= g.last; i++) {
				sa += a[i] / g.size();
				sb += b[i] / g.size();
			}
			System.out.println(String.format(Locale.ROOT, "  %-12s %6.3f%% -> %6.3f%%", g.name, 100 * sa, 100 * sb));
		}
	}

	/** Decoding alone (68 maps of one face), each decoder over all faces, interleaved rounds; thread CPU time. */
	private static void timeDecoders(Map<String, HeatmapDecoder> decoders, List<Heatmaps> maps) {
		List<String> names = List.of("centre_of_gravity r3 f0.1", "dark", "taylor");
		int rounds = 15;
		double[][] micros = new double[names.size()][rounds];
		for (int r = -3; r < rounds; r++) {
			for (int k = 0; k < names.size(); k++) {
				HeatmapDecoder d = decoders.get(names.get(k));
				long c0 = CPU.getCurrentThreadCpuTime();
				for (Heatmaps h : maps) {
					d.decode(h);
				}
				if (r >= 0) {
					micros[k][r] = (CPU.getCurrentThreadCpuTime() - c0) / 1e3 / maps.size();
				}
			}
		}
		System.out.println(String.format(Locale.ROOT, "Decoding one face's %d maps, median thread CPU of %d interleaved rounds over %d faces:",
				maps.get(0).count, rounds, maps.size()));
		for (int k = 0; k < names.size(); k++) {
			System.out.println(String.format(Locale.ROOT, "  %-28s %8.1f us", names.get(k), median(micros[k])));
		}
		System.out.println();
	}

	/** One face at batch 1 (crop, network, decoding, back to the image), without and with flip, interleaved. */
	private static void timeFlip(LandmarkDetector direct, LandmarkDetector flipped, List<FaceJob> jobs, int rounds) {
		for (int i = 0; i < 10; i++) {
			FaceJob j = jobs.get(i % jobs.size());
			direct.detect(j.image, j.box);
			flipped.detect(j.image, j.box);
		}
		double[][] wall = new double[2][rounds], cpu = new double[2][rounds];
		for (int r = 0; r < rounds; r++) {
			FaceJob j = jobs.get(r % jobs.size());
			LandmarkDetector[] order = r % 2 == 0 ? new LandmarkDetector[] {direct, flipped} : new LandmarkDetector[] {flipped, direct};
			for (LandmarkDetector d : order) {
				int k = d == direct ? 0 : 1;
				long c0 = CPU.getCurrentThreadCpuTime(), t0 = System.nanoTime();
				d.detect(j.image, j.box);
				wall[k][r] = (System.nanoTime() - t0) / 1e6;
				cpu[k][r] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
			}
		}
		double w0 = median(wall[0]), w1 = median(wall[1]), c0 = median(cpu[0]), c1 = median(cpu[1]);
		System.out.println(String.format(Locale.ROOT, "One face at batch 1, %d interleaved rounds, median ms (load average %s):", rounds,
				loadAverage()));
		System.out.println(String.format(Locale.ROOT, "  without flip: wall %.2f  thread CPU %.2f", w0, c0));
		System.out.println(String.format(Locale.ROOT, "  with flip:    wall %.2f  thread CPU %.2f   ratio wall x%.2f, CPU x%.2f", w1, c1, w1 / w0,
				c1 / c0));
		System.out.println("  (thread CPU counts this thread only: libtorch's own threads, if any, are not in it)");
	}

	/** Mean of (a - b) in NME points, +- 1.96 standard errors. */
	private static String paired(double[] a, double[] b) {
		int n = a.length;
		double mean = 0;
		for (int i = 0; i < n; i++) {
			mean += (a[i] - b[i]) / n;
		}
		double var = 0;
		for (int i = 0; i < n; i++) {
			var += (a[i] - b[i] - mean) * (a[i] - b[i] - mean) / (n - 1);
		}
		return String.format(Locale.ROOT, "%+.3f+-%.3f%%", 100 * mean, 100 * 1.96 * Math.sqrt(var / n));
	}

	private static String better(double[] a, double[] b) {
		int count = 0;
		for (int i = 0; i < a.length; i++) {
			count += a[i] < b[i] ? 1 : 0;
		}
		return count + "/" + a.length;
	}

	private static String loadAverage() {
		return MachineDescription.loadAverage();
	}

	private static double median(double[] values) {
		double[] s = values.clone();
		Arrays.sort(s);
		int n = s.length;
		return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	}
}
