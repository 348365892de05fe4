package io.github.landmarkj.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.github.landmarkj.core.BenchImages;
import io.github.landmarkj.core.CropDecoder;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceCrop;
import io.github.landmarkj.core.FaceCropper;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.core.RgbImage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one face's landmark time goes at batch 1 (the bundled face68 model, batch norms folded as
 * {@link LandmarkDetector} runs it), in the calling thread's CPU time (all the work with one libtorch thread):
 * cropping and normalising, the network through {@link LandmarkModel#predict} (tensor in, forward, heat maps
 * out), the block's forward alone, decoding, and the whole {@link LandmarkDetector#detect}; beside them the cost
 * of one trivial libtorch call (an element-wise sum of two small arrays) and the libtorch operations one
 * forward makes, counted by libtorch's profiler.
 * <p>Usage: {@code LandmarkStagesBench [DATA_DIR] [RUNS]} (DATA_DIR ../shared/data: a 200 px box on the centre
 * of the first AFW photo scaled to 640 x 480), with {@code -Dai.djl.pytorch.num_threads=1}.
 */
public final class LandmarkStagesBench {
	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	private LandmarkStagesBench() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data");
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
		RgbImage image = BenchImages.afwPhotoAt640x480(data);
		FaceBox box = new FaceBox(220, 140, 200, 200);
		try (LandmarkDetector detector = LandmarkDetector.open("face68", Device.cpu());
				LandmarkModel model = LandmarkModel.load(ModelLocator.locate("face68"), Device.cpu());
				NDManager manager = NDManager.newBaseManager("PyTorch")) {
			model.prepareForInference();
			System.out.println(MachineDescription.describe() + "; libtorch threads " + IntraOpThreads.current() + "; load average "
					+ MachineDescription.loadAverage());
			LandmarkSpec spec = detector.modelPackage().spec();
			FaceCropper cropper = new FaceCropper(spec.cropRule(), spec.normalisation);
			CropDecoder decoder = new CropDecoder(spec.decoder());
			int side = spec.net.inputSize;
			ParameterStore ps = new ParameterStore(manager, false);
			NDArray a = manager.randomNormal(new Shape(1, 16, 32, 32));
			NDArray b = manager.randomNormal(new Shape(1, 16, 32, 32));
			String[] stages = {"crop + normalise (Java)", "predict (tensor, forward, out)", "tensor, forward of the block, out", "decode (Java)",
					"LandmarkDetector.detect, 1 box", "trivial call x100 (add 16x32x32)"};
			Map<String, double[]> ms = new LinkedHashMap<>();
			for (String st : stages) {
				ms.put(st, new double[runs]);
			}
			for (int r = -50; r < runs; r++) {
				long c0 = CPU.getCurrentThreadCpuTime();
				FaceCrop crop = cropper.crop(image, box);
				long c1 = CPU.getCurrentThreadCpuTime();
				Heatmaps maps = model.predict(Collections.singletonList(crop.input())).get(0);
				long c2 = CPU.getCurrentThreadCpuTime();
				try (NDManager call = manager.newSubManager()) {
					NDArray x = call.create(crop.input(), new Shape(1, 3, side, side));
					NDList out = model.djlModel().getBlock().forward(ps, new NDList(x), false);
					out.get(0).toFloatArray();
					out.get(1).toFloatArray();
				}
				long c3 = CPU.getCurrentThreadCpuTime();
				decoder.analyse(0, crop, maps);
				long c4 = CPU.getCurrentThreadCpuTime();
				detector.detect(image, Collections.singletonList(box));
				long c5 = CPU.getCurrentThreadCpuTime();
				try (NDManager call = manager.newSubManager()) {
					for (int i = 0; i < 100; i++) {
						NDArray sum = a.add(b);
						sum.attach(call);
					}
				}
				long c6 = CPU.getCurrentThreadCpuTime();
				long[] t = {c0, c1, c2, c3, c4, c5, c6};
				for (int k = 0; r >= 0 && k < stages.length; k++) {
					ms.get(stages[k])[r] = (t[k + 1] - t[k]) / 1e6;
				}
			}
			System.out.println(String.format(Locale.ROOT, "%d runs after 50 warm-up runs, thread CPU ms: median (fastest); load average %s",
					runs, MachineDescription.loadAverage()));
			for (Map.Entry<String, double[]> e : ms.entrySet()) {
				double[] v = e.getValue().clone();
				Arrays.sort(v);
				System.out.println(String.format(Locale.ROOT, "  %-36s %8.3f (%7.3f)", e.getKey(), v[runs / 2], v[0]));
			}
			profile(model, ps, manager, cropper.crop(image, box).input(), side);
		}
	}

	/** libtorch's profiler over one forward: the operations called from Java (top level), by name. */
	private static void profile(LandmarkModel model, ParameterStore ps, NDManager manager, float[] input, int side) throws Exception {
		String kept = System.getProperty("landmarkj.trace");
		Path trace = kept != null ? Paths.get(kept) : Files.createTempFile("landmarkj-profile", ".json");
		try (NDManager call = manager.newSubManager()) {
			NDArray x = call.create(input, new Shape(1, 3, side, side));
			JniUtils.startProfile(false, kept != null, false);
			model.djlModel().getBlock().forward(ps, new NDList(x), false);
			JniUtils.stopProfile(trace.toString());
		}
		String json = new String(Files.readAllBytes(trace), StandardCharsets.UTF_8);
		if (kept == null) {
			Files.delete(trace);
		}
		// Chrome trace events: name, ts (µs), dur (µs). An operation is top level when no earlier one covers it.
		Pattern event = Pattern.compile("\"name\":\\s*\"([^\"]+)\"[^}]*?\"ts\":\\s*([0-9.]+),\\s*\"dur\":\\s*([0-9.]+)");
		Matcher m = event.matcher(json);
		List<double[]> spans = new java.util.ArrayList<>();
		List<String> names = new java.util.ArrayList<>();
		while (m.find()) {
			names.add(m.group(1));
			spans.add(new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
		}
		Integer[] order = new Integer[spans.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (i, j) -> Double.compare(spans.get(i)[0], spans.get(j)[0]));
		Map<String, double[]> byName = new TreeMap<>();
		double end = -1;
		int top = 0;
		double topTime = 0;
		for (int i : order) {
			double[] sp = spans.get(i);
			if (sp[0] >= end) {
				end = sp[0] + sp[1];
				double[] c = byName.computeIfAbsent(names.get(i), n -> new double[2]);
				c[0]++;
				c[1] += sp[1];
				top++;
				topTime += sp[1];
			}
		}
		System.out.println(String.format(Locale.ROOT, "libtorch operations of one forward called from Java: %d, %.2f ms inside them (profiled)",
				top, topTime / 1000));
		for (Map.Entry<String, double[]> e : byName.entrySet()) {
			System.out.println(String.format(Locale.ROOT, "  %-36s %4d calls %8.3f ms", e.getKey(), (int) e.getValue()[0], e.getValue()[1] / 1000));
		}
	}
}
