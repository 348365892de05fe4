package io.github.landmarkj.script;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.DemoPhotoEndToEndTest;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.MachineDescription;
import io.github.landmarkj.imglib2.ImgLib2Adapter;
import net.imglib2.RandomAccessibleInterval;
import org.scijava.Context;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What the scripting service costs on top of the library, on the demo photo (512 x 512, its face box),
 * CPU: reading an ImgLib2 image (3 channels of UnsignedByteType, as Fiji holds an RGB Dataset, and
 * ARGBType), a call of {@code LandmarkJService.detect} once its networks are pooled, the same work through
 * {@code LandmarkDetector.detect} directly, and the first call of a fresh context, which opens the model.
 * Medians in one run, with the machine. Run from the project folder:
 * {@code mvn -B -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.github.landmarkj.script.LandmarkJServiceBench -Dai.djl.offline=true}
 */
public final class LandmarkJServiceBench {
	private static final int RUNS = 15;

	private interface Work {
		void run() throws Exception;
	}

	private static double medianMs(Work work, int runs) throws Exception {
		double[] ms = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			work.run();
			ms[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(ms);
		return ms[runs / 2];
	}

	public static void main(String[] args) throws Exception {
		RandomAccessibleInterval<?> channels = DemoImgs.astronautChannels();
		RandomAccessibleInterval<?> argb = DemoImgs.astronautArgb();
		List<FaceBox> box = Collections.singletonList(DemoPhotoEndToEndTest.DEMO_BOX);
		LandmarkJOptions cpu = LandmarkJOptions.defaults().withDevice("cpu");

		medianMs(() -> ImgLib2Adapter.toRgbImage(channels), 5); // warm-up
		double readChannels = medianMs(() -> ImgLib2Adapter.toRgbImage(channels), RUNS);
		double readArgb = medianMs(() -> ImgLib2Adapter.toRgbImage(argb), RUNS);

		double firstCall;
		double pooled;
		Context context = new Context();
		try {
			LandmarkJService lj = context.service(LandmarkJService.class);
			long start = System.nanoTime();
			lj.detect(channels, box, cpu);
			firstCall = (System.nanoTime() - start) / 1e6;
			medianMs(() -> lj.detect(channels, box, cpu), 5);
			pooled = medianMs(() -> lj.detect(channels, box, cpu), RUNS);
		} finally {
			context.dispose();
		}
		double direct;
		RgbImage photo = ImgLib2Adapter.toRgbImage(channels).rgb();
		try (LandmarkDetector detector = LandmarkDetector.open("face68", Device.cpu())) {
			medianMs(() -> detector.detect(photo, box), 5);
			direct = medianMs(() -> detector.detect(photo, box), RUNS);
		}

		System.out.println("LandmarkJService on samples/astronaut.png (512 x 512, one face box), CPU; medians of " + RUNS + " runs");
		System.out.println(MachineDescription.describe() + String.format(", load average %.1f (others' work slows every figure)",
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		System.out.printf("read ImgLib2 image, 3 x UnsignedByteType   %8.2f ms%n", readChannels);
		System.out.printf("read ImgLib2 image, ARGBType               %8.2f ms%n", readArgb);
		System.out.printf("LandmarkDetector.detect (library)          %8.2f ms%n", direct);
		System.out.printf("LandmarkJService.detect, pooled networks   %8.2f ms  (%.2fx the library)%n", pooled, pooled / direct);
		System.out.printf("LandmarkJService.detect, first call        %8.2f ms  (%.1fx a pooled call: opens the model)%n", firstCall,
				firstCall / pooled);
	}
}
