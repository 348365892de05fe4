package io.github.landmarkj.train;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Photometric augmentations on a planar RGB crop (values 0..255), each switched on with its own
 * probability: colour jitter (brightness, contrast, saturation), greyscale, blur, noise, JPEG artefacts.
 */
public record Photometric(double jitterProbability, double greyProbability, double blurProbability, double noiseProbability,
		double jpegProbability) {
	public void apply(float[] p, int size, Random rng) {
		int n = size * size;
		if (rng.nextDouble() < jitterProbability) {
			float brightness = (float) (rng.nextDouble() * 60 - 30);
			float contrast = (float) (0.7 + rng.nextDouble() * 0.6);
			float saturation = (float) (0.6 + rng.nextDouble() * 0.8);
			for (int i = 0; i < n; i++) {
				float grey = 0.299f * p[i] + 0.587f * p[n + i] + 0.114f * p[2 * n + i];
				for (int c = 0; c < 3; c++) {
					float v = grey + (p[c * n + i] - grey) * saturation;
					p[c * n + i] = clamp((v - 128) * contrast + 128 + brightness);
				}
			}
		}
		if (rng.nextDouble() < greyProbability) {
			for (int i = 0; i < n; i++) {
				float grey = 0.299f * p[i] + 0.587f * p[n + i] + 0.114f * p[2 * n + i];
				p[i] = p[n + i] = p[2 * n + i] = grey;
			}
		}
		if (rng.nextDouble() < blurProbability) {
			int passes = 1 + rng.nextInt(2);
			for (int k = 0; k < passes; k++) {
				boxBlur3(p, size);
			}
		}
		if (rng.nextDouble() < noiseProbability) {
			double sd = 2 + rng.nextDouble() * 10;
			for (int i = 0; i < p.length; i++) {
				p[i] = clamp(p[i] + (float) (rng.nextGaussian() * sd));
			}
		}
		if (rng.nextDouble() < jpegProbability) {
			jpegRoundTrip(p, size, 0.1f + rng.nextFloat() * 0.4f);
		}
	}

	private static void boxBlur3(float[] p, int size) {
		int n = size * size;
		float[] tmp = new float[n];
		for (int c = 0; c < 3; c++) {
			int base = c * n;
			for (int y = 0; y < size; y++) {
				for (int x = 0; x < size; x++) {
					float s = 0;
					int count = 0;
					for (int dy = -1; dy <= 1; dy++) {
						int yy = y + dy;
						if (yy < 0 || yy >= size) {
							continue;
						}
						for (int dx = -1; dx <= 1; dx++) {
							int xx = x + dx;
							if (xx >= 0 && xx < size) {
								s += p[base + yy * size + xx];
								count++;
							}
						}
					}
					tmp[y * size + x] = s / count;
				}
			}
			System.arraycopy(tmp, 0, p, base, n);
		}
	}

	private static void jpegRoundTrip(float[] p, int size, float quality) {
		int n = size * size;
		BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		int[] rgb = new int[n];
		for (int i = 0; i < n; i++) {
			rgb[i] = ((int) clamp(p[i]) << 16) | ((int) clamp(p[n + i]) << 8) | (int) clamp(p[2 * n + i]);
		}
		img.setRGB(0, 0, size, size, rgb, 0, size);
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
				writer.setOutput(out);
				writer.write(null, new IIOImage(img, null, null), param);
			} finally {
				writer.dispose();
			}
			BufferedImage back = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes.toByteArray())));
			back.getRGB(0, 0, size, size, rgb, 0, size);
		} catch (IOException e) {
			throw new UncheckedIOException("JPEG round trip in memory failed", e);
		}
		for (int i = 0; i < n; i++) {
			p[i] = (rgb[i] >> 16) & 0xff;
			p[n + i] = (rgb[i] >> 8) & 0xff;
			p[2 * n + i] = rgb[i] & 0xff;
		}
	}

	private static float clamp(float v) {
		return Math.max(0, Math.min(255, v));
	}
}
