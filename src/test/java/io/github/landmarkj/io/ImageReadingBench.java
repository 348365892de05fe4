package io.github.landmarkj.io;

import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.MachineDescription;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * What turning a decoded photo into the planar RGB the networks read costs, on real photos: every JPEG of a
 * folder (default: the AFW photos) is decoded, then converted through {@code getRGB} (the colour model, a pixel at
 * a time; the way before {@link SrgbRasters}) and directly from its raster, interleaved, several rounds. Prints the
 * median thread CPU time per photo and per megapixel of each step and the ratio, with the machine and load.
 * Usage (test class path): {@code ImageReadingBench [FOLDER] [ROUNDS]}, defaults
 * {@code ../shared/data/detection/afw-photos 5}.
 */
public final class ImageReadingBench {
	private ImageReadingBench() {
	}

	public static void main(String[] args) throws Exception {
		Path folder = Paths.get(args.length > 0 ? args[0] : "../shared/data/detection/afw-photos");
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)")).sorted()
					.collect(Collectors.toList());
		}
		System.out.println(MachineDescription.describe());
		System.out.println(files.size() + " photos from " + folder + ", " + rounds + " rounds (the first also warms up)");
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		List<Double> decode = new ArrayList<>(), colourModel = new ArrayList<>(), direct = new ArrayList<>();
		double megapixels = 0;
		long checksum = 0;
		for (int r = 0; r < rounds; r++) {
			for (Path file : files) {
				long t0 = cpu.getCurrentThreadCpuTime();
				BufferedImage image = ImageIO.read(file.toFile());
				long t1 = cpu.getCurrentThreadCpuTime();
				int w = image.getWidth(), h = image.getHeight();
				RgbImage a = RgbImage.fromPackedRgb(w, h, image.getRGB(0, 0, w, h, null, 0, w));
				long t2 = cpu.getCurrentThreadCpuTime();
				RgbImage b = ImageFiles.toRgbImage(image);
				long t3 = cpu.getCurrentThreadCpuTime();
				checksum += (long) a.get(0, w / 2, h / 2) + (long) b.get(2, w / 3, h / 3);
				if (r > 0) {
					decode.add((t1 - t0) / 1e6);
					colourModel.add((t2 - t1) / 1e6);
					direct.add((t3 - t2) / 1e6);
					megapixels += w * h / 1e6;
				}
			}
		}
		double mpPerPhoto = megapixels / decode.size();
		System.out.printf(Locale.ROOT, "mean photo %.2f megapixels (checksum %d)%n", mpPerPhoto, checksum);
		System.out.printf(Locale.ROOT, "median ms per photo (thread CPU): decode %.2f | getRGB conversion %.2f | direct conversion %.2f"
				+ " | getRGB / direct %.1fx%n", median(decode), median(colourModel), median(direct), median(colourModel) / median(direct));
		System.out.printf(Locale.ROOT, "ms per megapixel (sums): decode %.2f | getRGB conversion %.2f | direct conversion %.2f%n",
				sum(decode) / megapixels, sum(colourModel) / megapixels, sum(direct) / megapixels);
		System.out.println("load average after: " + MachineDescription.loadAverage());
	}

	private static double median(List<Double> v) {
		List<Double> s = new ArrayList<>(v);
		Collections.sort(s);
		int n = s.size();
		return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
	}

	private static double sum(List<Double> v) {
		return v.stream().mapToDouble(Double::doubleValue).sum();
	}
}
