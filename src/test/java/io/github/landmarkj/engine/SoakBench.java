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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Memory over a long run: N landmark inferences (default 10,000) of one face in a 640 x 480 image with the
 * bundled model, resident memory (Linux /proc/self/status VmRSS) and Java heap in use (after a GC) sampled
 * every N/20 inferences; then one image with 400 face boxes, five times. Prints the samples, and the drift
 * between the first sample after warm-up and the last, with the machine.
 * <pre>
 * mvn -q test-compile && java -Xmx2g -Dai.djl.offline=true -cp target/test-classes:target/classes:DEPENDENCIES \
 *   io.github.landmarkj.engine.SoakBench [inferences]
 * </pre>
 */
public final class SoakBench {
	private SoakBench() {
	}

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		System.out.println("Machine: " + MachineDescription.describe());
		Random rng = new Random(3);
		float[] pixels = new float[3 * 640 * 480];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = rng.nextFloat() * 255;
		}
		RgbImage image = RgbImage.wrap(640, 480, pixels);
		List<FaceBox> one = Collections.singletonList(new FaceBox(220, 140, 200, 200));
		try (LandmarkDetector detector = LandmarkDetector.open("face68", Device.cpu())) {
			int every = Math.max(1, n / 20);
			List<long[]> samples = new ArrayList<>();
			long start = System.nanoTime();
			for (int i = 1; i <= n; i++) {
				detector.detect(image, one);
				if (i % every == 0) {
					long[] s = {i, residentKb(), heapKb()};
					samples.add(s);
					System.out.printf(Locale.ROOT, "%6d inferences  resident %7.1f MB  heap %6.1f MB%n", s[0], s[1] / 1024.0, s[2] / 1024.0);
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			// The first sample (5% of the run) is the warm-up: JIT, PyTorch's allocator and caches settle there.
			long[] first = samples.get(Math.min(1, samples.size() - 1)), last = samples.get(samples.size() - 1);
			long maxRss = samples.stream().skip(1).mapToLong(s -> s[1]).max().orElse(last[1]);
			System.out.printf(Locale.ROOT, "%d inferences in %.0f s (%.1f ms each)%n", n, seconds, 1000 * seconds / n);
			System.out.printf(Locale.ROOT, "resident: %.1f MB at %d, %.1f MB at %d (%+.1f%%), max after warm-up %.1f MB (%+.1f%%)%n",
					first[1] / 1024.0, first[0], last[1] / 1024.0, last[0], 100.0 * (last[1] - first[1]) / first[1], maxRss / 1024.0,
					100.0 * (maxRss - first[1]) / first[1]);
			System.out.printf(Locale.ROOT, "heap after GC: %.1f MB at %d, %.1f MB at %d (%+.1f%%)%n", first[2] / 1024.0, first[0],
					last[2] / 1024.0, last[0], 100.0 * (last[2] - first[2]) / first[2]);

			List<FaceBox> many = new ArrayList<>();
			for (int i = 0; i < 400; i++) {
				many.add(new FaceBox(10 + (i * 37) % 500, 10 + (i * 53) % 350, 100 + i % 40, 100 + i % 40));
			}
			long before = residentKb();
			for (int r = 0; r < 5; r++) {
				detector.detect(image, many);
				System.out.printf(Locale.ROOT, "400 boxes on one image, round %d: resident %.1f MB (%+.1f MB)%n", r + 1, residentKb() / 1024.0,
						(residentKb() - before) / 1024.0);
			}
		}
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
