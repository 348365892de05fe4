package io.github.landmarkj.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of LandmarkJ timed in one process, interleaved (A, B, A, B ...), so that the load of a shared
 * machine falls on both alike: e.g. main's {@code target/classes} against this tree's. Each build's classes
 * (and bundled models) are loaded by their own class loader; DJL and libtorch are shared. Per build: face
 * detection on a 640 x 480 photo at the default input, then the landmarks of the faces it found (one
 * batch), one face's landmarks at batch 1, and 16 faces' (the faces found, repeated) at batch 16, per face; medians (and fastest) of RUNS rounds, and the ratio B / A.
 * <p>Usage: {@code BuildComparisonBench A_CLASSES B_CLASSES [DATA_DIR] [RUNS]} (DATA_DIR ../shared/data,
 * RUNS 60), with DJL and libtorch on the class path, e.g. this tree's test class path.
 */
public final class BuildComparisonBench {
	private static final String PACKAGE = "io.github.landmarkj.";
	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	private BuildComparisonBench() {
	}

	/** Loads LandmarkJ's classes and resources from its own folder first, everything else from the parent. */
	private static final class BuildLoader extends URLClassLoader {
		BuildLoader(Path classes, ClassLoader parent) throws IOException {
			super(new URL[] {classes.toUri().toURL()}, parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (!name.startsWith(PACKAGE)) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> c = findLoadedClass(name);
				if (c == null) {
					c = findClass(name);
				}
				if (resolve) {
					resolveClass(c);
				}
				return c;
			}
		}

		@Override
		public URL getResource(String name) {
			URL own = findResource(name);
			return own != null ? own : super.getResource(name);
		}
	}

	/** One build's detector and landmark model, called by reflection. */
	private static final class Build {
		final String name;
		final Object detector;
		final Object landmarks;
		final Object image;
		final List<Object> oneBox;
		final List<Object> sixteenBoxes;
		final Method detect;
		final Method landmarksDetect;

		Build(String name, Path classes, Path photo) throws Exception {
			this.name = name;
			ClassLoader loader = new BuildLoader(classes, BuildComparisonBench.class.getClassLoader());
			Class<?> device = Class.forName("ai.djl.Device", true, loader);
			Object cpu = device.getMethod("cpu").invoke(null);
			Class<?> rgb = loader.loadClass(PACKAGE + "core.RgbImage");
			Object read = loader.loadClass(PACKAGE + "io.ImageFiles").getMethod("read", Path.class).invoke(null, photo);
			int w = (int) rgb.getMethod("width").invoke(read), h = (int) rgb.getMethod("height").invoke(read);
			double s = Math.max(640.0 / w, 480.0 / h);
			Class<?> similarity = loader.loadClass(PACKAGE + "core.SimilarityTransform");
			Object t = similarity.getMethod("of", double.class, double.class, double.class, double.class).invoke(null, s, 0.0, 0.0, 0.0);
			this.image = rgb.getMethod("warp", similarity, int.class, int.class).invoke(read, t, 640, 480);
			Class<?> faceDetector = loader.loadClass(PACKAGE + "detect.FaceDetector");
			this.detector = faceDetector.getMethod("open", String.class, device).invoke(null, "face-detector", cpu);
			Class<?> landmarkDetector = loader.loadClass(PACKAGE + "engine.LandmarkDetector");
			this.landmarks = landmarkDetector.getMethod("open", String.class, device).invoke(null, "face68", cpu);
			this.detect = faceDetector.getMethod("detect", rgb);
			this.landmarksDetect = landmarkDetector.getMethod("detect", rgb, List.class);
			List<?> faces = (List<?>) detect.invoke(detector, image);
			if (faces.isEmpty()) {
				throw new IllegalStateException(name + " found no face in " + photo);
			}
			this.oneBox = Collections.singletonList(faces.get(0));
			this.sixteenBoxes = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				sixteenBoxes.add(faces.get(i % faces.size()));
			}
		}

		/**
		 * ms of detection, detection + landmarks of the faces found, one face's landmarks at batch 1, and per face of 16
		 * at batch 16: wall time, then the calling thread's CPU time (all of the work with one libtorch thread; less
		 * sensitive to other load).
		 */
		double[] round() throws Exception {
			long c0 = CPU.getCurrentThreadCpuTime(), t0 = System.nanoTime();
			List<?> faces = (List<?>) detect.invoke(detector, image);
			long c1 = CPU.getCurrentThreadCpuTime(), t1 = System.nanoTime();
			landmarksDetect.invoke(landmarks, image, faces);
			long c2 = CPU.getCurrentThreadCpuTime(), t2 = System.nanoTime();
			landmarksDetect.invoke(landmarks, image, oneBox);
			long c3 = CPU.getCurrentThreadCpuTime(), t3 = System.nanoTime();
			landmarksDetect.invoke(landmarks, image, sixteenBoxes);
			long c4 = CPU.getCurrentThreadCpuTime(), t4 = System.nanoTime();
			return new double[] {(t1 - t0) / 1e6, (t2 - t0) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 16e6, (c1 - c0) / 1e6, (c2 - c0) / 1e6,
					(c3 - c2) / 1e6, (c4 - c3) / 16e6};
		}
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("Usage: BuildComparisonBench A_CLASSES B_CLASSES [DATA_DIR] [RUNS]");
			System.exit(2);
		}
		Path data = Paths.get(args.length > 2 ? args[2] : "../shared/data");
		int runs = args.length > 3 ? Integer.parseInt(args[3]) : 60;
		Path photo = data.resolve("detection/afw-photos/1051618982.jpg");
		System.out.println(MachineDescription.describe() + "; libtorch threads: " + System.getProperty("ai.djl.pytorch.num_threads", "default"));
		List<Build> builds = new ArrayList<>();
		builds.add(new Build("A " + args[0], Paths.get(args[0]), photo));
		builds.add(new Build("B " + args[1], Paths.get(args[1]), photo));
		String[] what = {"detect, 640x480 photo", "detect + landmarks of faces", "one face, batch 1", "per face of 16, batch 16"};
		double[][][] ms = new double[2][2 * what.length][runs];
		double loadBefore = load();
		for (int r = -20; r < runs; r++) {
			for (int b = 0; b < 2; b++) {
				double[] t = builds.get(b).round();
				for (int k = 0; r >= 0 && k < t.length; k++) {
					ms[b][k][r] = t[k];
				}
			}
		}
		System.out.println(String.format(Locale.ROOT, "%d interleaved rounds after 20 warm-up rounds; load average %.1f before, %.1f after",
				runs, loadBefore, load()));
		for (Build b : builds) {
			System.out.println("  " + b.name);
		}
		System.out.println(String.format(Locale.ROOT, "  %-28s %17s %17s %6s %11s %6s", "ms: wall median (fastest)", "A", "B", "B / A",
				"thread CPU", "B / A"));
		for (int k = 0; k < what.length; k++) {
			double[] a = sorted(ms[0][k]), b = sorted(ms[1][k]), ca = sorted(ms[0][k + what.length]), cb = sorted(ms[1][k + what.length]);
			System.out.println(String.format(Locale.ROOT, "  %-28s %8.2f (%6.2f) %8.2f (%6.2f) %6.2f %5.2f %5.2f %6.2f", what[k], a[runs / 2], a[0],
					b[runs / 2], b[0], b[runs / 2] / a[runs / 2], ca[runs / 2], cb[runs / 2], cb[runs / 2] / ca[runs / 2]));
		}
	}

	private static double[] sorted(double[] v) {
		double[] c = v.clone();
		Arrays.sort(c);
		return c;
	}

	private static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}
}
