package io.github.landmarkj.detect;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.landmarkj.core.BenchImages;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.MachineDescription;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the face detector's time goes on one 640 x 480 photo at the default 320 x 240 input, stage by stage
 * (medians of RUNS runs after a warm-up): scaling the image to the input, normalising, creating the input
 * tensor, the network's forward, copying its outputs to Java, prior boxes, decoding and NMS; then the whole
 * {@code detect} and the refined landmarks of its faces (as FaceFinder and BoxRefinement give them).
 * <p>Usage: {@code DetectorStagesBench [DATA_DIR] [RUNS]} (DATA_DIR ../shared/data: its first AFW photo).
 */
public final class DetectorStagesBench {
	private DetectorStagesBench() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data");
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
		RgbImage vga = BenchImages.afwPhotoAt640x480(data);
		System.out.println(MachineDescription.describe() + "; load average " + load());
		try (FaceDetector detector = FaceDetector.open(DetectorKind.BUNDLED_NAME, Device.cpu());
				LandmarkDetector landmarks = LandmarkDetector.open("face68", Device.cpu())) {
			BoxRefinement refinement = new BoxRefinement(landmarks);
			DetectorSpec spec = detector.modelPackage().spec();
			DetectorInput in = detector.input(640, 480, 0);
			DetectorModel model = detector.model();
			Map<String, double[]> ms = new LinkedHashMap<>();
			String[] stages = {"scale to input (Java)", "normalise (Java)", "input tensor", "forward", "outputs to Java", "priors",
					"decode + NMS", "detect (whole)", "refined landmarks", "detect + refined landmarks"};
			for (String st : stages) {
				ms.put(st, new double[runs]);
			}
			SsdDecoder decoder = new SsdDecoder(spec.priors(), spec.nmsIou());
			int faces = 0;
			for (int r = -20; r < runs; r++) {
				long t0 = System.nanoTime();
				float[] pixels = in.pixels(vga);
				long t1 = System.nanoTime();
				float[] input = new float[pixels.length];
				spec.normalisation().apply(pixels, input, 0);
				long t2 = System.nanoTime();
				SsdOutput out;
				long t3, t4, t5;
				try (NDManager m = model.manager().newSubManager()) {
					NDArray x = m.create(input, new Shape(1, 3, in.inputHeight(), in.inputWidth()));
					t3 = System.nanoTime();
					NDList y = model.network().forward(new ParameterStore(m, false), new NDList(x), false);
					t4 = System.nanoTime();
					out = new SsdOutput(in.inputWidth(), in.inputHeight(), y.get(0).toFloatArray(), y.get(1).toFloatArray());
					t5 = System.nanoTime();
				}
				PriorBoxes priors = PriorBoxes.of(spec.priors(), in.inputWidth(), in.inputHeight());
				long t6 = System.nanoTime();
				List<FaceBox> boxes = decoder.decode(out, priors, spec.scoreThreshold());
				long t7 = System.nanoTime();
				List<FaceBox> found = detector.detect(vga);
				long t8 = System.nanoTime();
				refinement.detect(vga, FaceFinder.landmarkBoxes(spec, found, vga.width(), vga.height()));
				long t9 = System.nanoTime();
				if (r < 0) {
					continue;
				}
				faces = found.size();
				long[] t = {t0, t1, t2, t3, t4, t5, t6, t7};
				for (int i = 0; i < 7; i++) {
					ms.get(stages[i])[r] = (t[i + 1] - t[i]) / 1e6;
				}
				ms.get(stages[7])[r] = (t8 - t7) / 1e6;
				ms.get(stages[8])[r] = (t9 - t8) / 1e6;
				ms.get(stages[9])[r] = (t9 - t7) / 1e6;
				if (boxes.size() != found.size()) {
					throw new IllegalStateException("stages and detect disagree");
				}
			}
			System.out.println(String.format(Locale.ROOT, "640 x 480 photo, input %d x %d, %d faces, %d runs, load average %s",
					in.inputWidth(), in.inputHeight(), faces, runs, load()));
			System.out.println(String.format(Locale.ROOT, "  %-24s %9s %9s %9s", "stage", "median ms", "fastest", "90%"));
			for (Map.Entry<String, double[]> e : ms.entrySet()) {
				double[] v = e.getValue().clone();
				Arrays.sort(v);
				System.out.println(String.format(Locale.ROOT, "  %-24s %9.2f %9.2f %9.2f", e.getKey(), v[v.length / 2], v[0],
						v[(int) (v.length * 0.9)]));
			}
		}
	}

	private static String load() {
		return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}
}
