package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.MachineDescription;
import io.github.landmarkj.eval.BoxMatching;
import io.github.landmarkj.eval.DetectionVerdicts;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.io.JudgedBoxFile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The "confirm faces" option measured on real photos (an example, not a test): the default finder and the same
 * finder with its faces confirmed by the bundled {@value DetectorKind#CONFIRMING_NAME}, side by side in one
 * process, photo by photo (their order alternating).
 * <p>
 * {@code ConfirmFacesDemo [DATA_DIR]} (default ../shared/data): over the AFW photos (detection/afw-photos), listed
 * faces found, unlisted real faces, non-faces and unsure boxes by the verdicts of
 * models/face-detector/afw-unlisted-verdicts.csv ({@link DetectionVerdicts}), and the medians of wall and thread
 * CPU ms per photo (detection, refinement and, with the option, confirmation); then the annotated faces found among
 * the face68 validation crops (every 8th face of each folder of face68/train). The confirmation rule's threshold
 * was chosen on these same AFW photos (SecondOpinionStudy): the AFW figures are not held-out.
 */
public final class ConfirmFacesDemo {
	private ConfirmFacesDemo() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data");
		System.out.println(MachineDescription.describe());
		Path afw = data.resolve("detection/afw-photos");
		Map<String, List<FaceBox>> listed = DetectionSignalsDump.readBoxes(afw.resolve("boxes.csv"));
		DetectionVerdicts verdicts = new DetectionVerdicts(JudgedBoxFile.read(DetectionSignalsDump.VERDICTS));
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		String[] names = {"default", "default + confirm faces"};
		List<Map<String, List<FaceBox>>> found = List.of(new TreeMap<>(), new TreeMap<>());
		double[][] wallMs = new double[2][listed.size()], cpuMs = new double[2][listed.size()];
		int[] cropsFound = new int[2];
		int crops;
		try (LandmarkDetector landmarks = LandmarkDetector.open("face68", Device.cpu());
				FaceFinder plain = DetectorSettings.bundled(0).open(landmarks, Device.cpu());
				FaceFinder confirmed = DetectorSettings.bundled(0).withFacesConfirmed(true).open(landmarks, Device.cpu())) {
			FaceFinder[] finders = {plain, confirmed};
			int p = 0;
			for (String photo : listed.keySet()) {
				RgbImage image = ImageFiles.read(afw.resolve(photo));
				for (int k = 0; k < 2; k++) {
					int f = (p + k) % 2;
					long wall = System.nanoTime(), thread = cpu.getCurrentThreadCpuTime();
					List<FaceBox> boxes = finders[f].boxes(image);
					cpuMs[f][p] = (cpu.getCurrentThreadCpuTime() - thread) / 1e6;
					wallMs[f][p] = (System.nanoTime() - wall) / 1e6;
					found.get(f).put(photo, boxes);
				}
				p++;
			}
			List<AnnotatedFace> validation = DetectionSignalsDump.validationCrops(data);
			crops = validation.size();
			for (AnnotatedFace face : validation) {
				RgbImage image = ImageFiles.read(face.image());
				List<FaceBox> truth = List.of(FaceBox.enclosing(face.points()));
				for (int f = 0; f < 2; f++) {
					cropsFound[f] += Arrays.stream(BoxMatching.match(finders[f].boxes(image), truth, BoxMatching.DEFAULT_MIN_IOU)).anyMatch(m -> m >= 0) ? 1 : 0;
				}
			}
		}
		System.out.println("\nAFW photos (" + listed.size() + "; the confirmation threshold was chosen on them: not held-out), score > 0.7, "
				+ BoxRefinement.DEFAULT_PASSES + " refinement passes; ms per photo: median wall / thread CPU, the two finders alternating photo by photo:");
		for (int f = 0; f < 2; f++) {
			System.out.println(String.format(Locale.ROOT, "  %-24s %s; %.1f / %.1f ms", names[f], verdicts.tally(found.get(f), listed), median(wallMs[f]),
					median(cpuMs[f])));
		}
		System.out.println("  boxes the confirmation removed (by their verdict):");
		for (String photo : listed.keySet()) {
			List<FaceBox> all = found.get(0).get(photo), kept = found.get(1).get(photo);
			List<DetectionVerdicts.BoxKind> kinds = verdicts.classify(photo, all, listed.get(photo));
			for (int i = 0; i < all.size(); i++) {
				FaceBox b = all.get(i);
				if (kept.stream().noneMatch(k -> k.x == b.x && k.y == b.y && k.width == b.width && k.height == b.height)) {
					System.out.println(String.format(Locale.ROOT, "    %-11s %s %s", kinds.get(i), photo, b));
				}
			}
		}
		double[] extra = new double[listed.size()];
		for (int i = 0; i < extra.length; i++) {
			extra[i] = wallMs[1][i] - wallMs[0][i];
		}
		System.out.println(String.format(Locale.ROOT, "  confirmation's extra wall time per photo: median %.1f ms", median(extra)));
		System.out.println(String.format(Locale.ROOT, "face68 validation crops (%d), annotated face found: %s %d, %s %d", crops, names[0], cropsFound[0], names[1],
				cropsFound[1]));
		System.out.println("load average at the end: " + MachineDescription.loadAverage());
	}

	private static double median(double[] values) {
		double[] v = values.clone();
		Arrays.sort(v);
		return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
	}
}
