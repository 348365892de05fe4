package io.github.landmarkj.engine;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Memory over a long run: N landmark inferences (default 10,000) of one face in a 640 x 480 image with the
 * bundled model, then one image with 400 face boxes, five times.
 * <p>
 * The rule it checks: resident memory (Linux /proc/self/status VmRSS) and the Java heap in use after a GC
 * are sampled every {@value #SAMPLE_EVERY} inferences; the run is cut into windows of {@value #WINDOW}
 * inferences; the first window is warm-up (JIT, libtorch's and oneDNN's caches, malloc's arenas) and is
 * only printed; the median of every later window must lie within 5% of the median of the second window
 * (the reference). Every sample's minimum and maximum after warm-up are printed too, so that a swing
 * hidden by the medians shows. Prints the environment that decides native memory (malloc and thread
 * variables) and the load average at start and end.
 * <pre>
 * mvn -q test-compile && MALLOC_ARENA_MAX=2 OMP_NUM_THREADS=1 java -Xms512m -Xmx512m -XX:+AlwaysPreTouch \
 *   -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
 *   -cp target/test-classes:target/classes:DEPENDENCIES io.github.landmarkj.engine.SoakBench [inferences]
 * </pre>
 * A fixed, pre-touched heap keeps the resident memory from following the heap's growth between samples and
 * its shrinking at each sample's GC (docs/robustness.md, "Memory over long runs").
 * Exit code 0 when both medians stay within 5%, 1 otherwise.
 */
public final class SoakBench {
	static final int SAMPLE_EVERY = 100;
	static final int WINDOW = 1000;
	static final double LIMIT_PERCENT = 5.0;

	private SoakBench() {
	}

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		if (n < 3 * WINDOW) {
			throw new IllegalArgumentException("At least " + 3 * WINDOW + " inferences: one warm-up window, a reference and one to compare");
		}
		System.out.println("Machine: " + MachineDescription.describe());
		for (String name : new String[] {"MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS"}) {
			System.out.println("  " + name + "=" + System.getenv().getOrDefault(name, "(unset)"));
		}
		System.out.println("  ai.djl.pytorch.num_threads=" + System.getProperty("ai.djl.pytorch.num_threads", "(unset)"));
		System.out.println("Load average at start: " + loadAverage());
		Random rng = new Random(3);
		float[] pixels = new float[3 * 640 * 480];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = rng.nextFloat() * 255;
		}
		RgbImage image = RgbImage.wrap(640, 480, pixels);
		List<FaceBox> one = Collections.singletonList(new FaceBox(220, 140, 200, 200));
		try (LandmarkDetector detector = LandmarkDetector.open("face68", Device.cpu())) {
			int windows = n / WINDOW;
			long[][] rss = new long[windows][WINDOW / SAMPLE_EVERY];
			long[][] heap = new long[windows][WINDOW / SAMPLE_EVERY];
			long[][] committed = new long[windows][WINDOW / SAMPLE_EVERY];
			long[][] direct = new long[windows][WINDOW / SAMPLE_EVERY];
			long start = System.nanoTime();
			for (int i = 1; i <= windows * WINDOW; i++) {
				detector.detect(image, one);
				if (i % SAMPLE_EVERY == 0) {
					int w = (i - 1) / WINDOW, s = ((i - 1) % WINDOW) / SAMPLE_EVERY;
					rss[w][s] = residentKb();
					direct[w][s] = directKb();
					committed[w][s] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024;
					heap[w][s] = heapKb();
				}
				if (i % WINDOW == 0) {
					int w = i / WINDOW - 1;
					System.out.printf(Locale.ROOT, "%6d inferences  window %2d: resident median %6.1f MB (%6.1f-%6.1f)  heap median %5.1f MB, heap committed before GC %5.1f-%5.1f MB, direct buffers %5.1f-%5.1f MB%s%n",
							i, w + 1, median(rss[w]) / 1024.0, min(rss[w]) / 1024.0, max(rss[w]) / 1024.0, median(heap[w]) / 1024.0,
							min(committed[w]) / 1024.0, max(committed[w]) / 1024.0, min(direct[w]) / 1024.0, max(direct[w]) / 1024.0,
							w == 0 ? "  (warm-up)" : w == 1 ? "  (reference)" : "");
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf(Locale.ROOT, "%d inferences in %.0f s (%.1f ms each); load average at end: %s%n", windows * WINDOW, seconds,
					1000 * seconds / (windows * WINDOW), loadAverage());
			boolean rssFlat = report("resident", rss);
			boolean heapFlat = report("heap after GC", heap);

			List<FaceBox> many = new ArrayList<>();
			for (int i = 0; i < 400; i++) {
				many.add(new FaceBox(10 + (i * 37) % 500, 10 + (i * 53) % 350, 100 + i % 40, 100 + i % 40));
			}
			long before = residentKb();
			for (int r = 0; r < 5; r++) {
				detector.detect(image, many);
				long now = residentKb();
				System.out.printf(Locale.ROOT, "400 boxes on one image, round %d: resident %.1f MB (%+.1f MB)%n", r + 1, now / 1024.0,
						(now - before) / 1024.0);
			}
			System.out.println(rssFlat && heapFlat ? "FLAT: every window's medians within " + LIMIT_PERCENT + "% of the reference"
					: "NOT FLAT: a window's median moved more than " + LIMIT_PERCENT + "% from the reference");
			System.exit(rssFlat && heapFlat ? 0 : 1);
		}
	}

	/** Prints the largest deviation of a later window's median from the reference window's; true when within the limit. */
	private static boolean report(String what, long[][] samples) {
		double reference = median(samples[1]);
		double worst = 0;
		long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
		for (int w = 1; w < samples.length; w++) {
			double deviation = 100.0 * (median(samples[w]) - reference) / reference;
			if (Math.abs(deviation) > Math.abs(worst)) {
				worst = deviation;
			}
			lo = Math.min(lo, min(samples[w]));
			hi = Math.max(hi, max(samples[w]));
		}
		System.out.printf(Locale.ROOT, "%s: reference median %.1f MB; largest deviation of a later window's median %+.1f%% (limit %.0f%%); "
				+ "every sample after warm-up %.1f-%.1f MB (%+.1f%% / %+.1f%% of the reference)%n", what, reference / 1024.0, worst, LIMIT_PERCENT,
				lo / 1024.0, hi / 1024.0, 100.0 * (lo - reference) / reference, 100.0 * (hi - reference) / reference);
		return Math.abs(worst) <= LIMIT_PERCENT;
	}

	private static double median(long[] values) {
		long[] v = values.clone();
		Arrays.sort(v);
		return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
	}

	private static long min(long[] values) {
		return Arrays.stream(values).min().orElse(-1);
	}

	private static long max(long[] values) {
		return Arrays.stream(values).max().orElse(-1);
	}

	private static String loadAverage() {
		try {
			return Files.readString(Paths.get("/proc/loadavg")).trim();
		} catch (IOException | RuntimeException e) {
			return "unknown";
		}
	}

	/** Java's direct buffers (native memory freed only when their owner is collected), before the GC of the sample. */
	private static long directKb() {
		for (java.lang.management.BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class)) {
			if (pool.getName().equals("direct")) {
				return pool.getMemoryUsed() / 1024;
			}
		}
		return -1;
	}

	private static long heapKb() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
	}

	/** VmRSS from /proc/self/status, or -1 where there is none. */
	private static long residentKb() {
		try {
			for (String line : Files.readAllLines(Paths.get("/proc/self/status"), StandardCharsets.US_ASCII)) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		} catch (IOException | RuntimeException e) {
			return -1;
		}
		return -1;
	}
}
