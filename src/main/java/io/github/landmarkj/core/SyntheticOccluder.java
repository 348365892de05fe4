package io.github.landmarkj.core;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Pastes a random occluder over a square crop: an ellipse, a rounded bar (like a hand, a microphone or
 * sunglasses) or a random polygon, filled with a flat colour, a striped texture, noise, or a patch of
 * another face crop. Returns the coverage mask in [0,1] so that the occlusion targets follow exactly
 * what was painted. Training pastes them (augmentation, synthetic videos) and evaluation scores the
 * occluded flags on faces given one.
 *
 * @param minSize smallest occluder extent as a fraction of the crop side
 * @param maxSize largest occluder extent as a fraction of the crop side
 */
public record SyntheticOccluder(double minSize, double maxSize) {

	/**
	 * Paints one occluder into {@code planar} (3 x size x size, values 0..255) and returns its mask.
	 * {@code donor} (same layout) supplies the texture for patch occluders; it may be null.
	 */
	public float[] paint(float[] planar, int size, float[] donor, Random rng) {
		Shape shape = randomShape(size, rng);
		float[] mask = rasterise(shape, size);
		int fill = rng.nextInt(donor == null ? 3 : 4);
		float[] colour = {rng.nextFloat() * 255, rng.nextFloat() * 255, rng.nextFloat() * 255};
		float[] colour2 = {rng.nextFloat() * 255, rng.nextFloat() * 255, rng.nextFloat() * 255};
		double stripeAngle = rng.nextDouble() * Math.PI;
		double period = 3 + rng.nextDouble() * 10;
		int dx = donor == null ? 0 : rng.nextInt(size / 2) - size / 4;
		int dy = donor == null ? 0 : rng.nextInt(size / 2) - size / 4;
		int n = size * size;
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				int i = y * size + x;
				float m = mask[i];
				if (m <= 0) {
					continue;
				}
				for (int c = 0; c < 3; c++) {
					float v;
					switch (fill) {
						case 0:
							v = colour[c];
							break;
						case 1: {
							double phase = (x * Math.cos(stripeAngle) + y * Math.sin(stripeAngle)) / period;
							v = (Math.floorMod((long) Math.floor(phase), 2L) == 0) ? colour[c] : colour2[c];
							break;
						}
						case 2:
							v = clamp(colour[c] + (float) rng.nextGaussian() * 40);
							break;
						default: {
							int sx = Math.max(0, Math.min(size - 1, x + dx)), sy = Math.max(0, Math.min(size - 1, y + dy));
							v = donor[c * n + sy * size + sx];
						}
					}
					planar[c * n + i] = planar[c * n + i] * (1 - m) + v * m;
				}
			}
		}
		return mask;
	}

	private Shape randomShape(int size, Random rng) {
		double extent = size * (minSize + rng.nextDouble() * (maxSize - minSize));
		// Centres fall on the face region (the middle 70% of the crop) where occluders matter.
		double cx = size * (0.15 + 0.7 * rng.nextDouble());
		double cy = size * (0.15 + 0.7 * rng.nextDouble());
		Shape base;
		switch (rng.nextInt(3)) {
			case 0:
				base = new Ellipse2D.Double(-extent / 2, -extent * 0.35, extent, extent * 0.7);
				break;
			case 1:
				base = new RoundRectangle2D.Double(-extent / 2, -extent * 0.15, extent, extent * 0.3, extent * 0.2, extent * 0.2);
				break;
			default: {
				int k = 3 + rng.nextInt(5);
				Polygon p = new Polygon();
				for (int i = 0; i < k; i++) {
					double a = 2 * Math.PI * i / k + rng.nextDouble() * 0.5;
					double r = extent / 2 * (0.5 + 0.5 * rng.nextDouble());
					p.addPoint((int) Math.round(r * Math.cos(a)), (int) Math.round(r * Math.sin(a)));
				}
				base = p;
			}
		}
		AffineTransform t = new AffineTransform();
		t.translate(cx, cy);
		t.rotate(rng.nextDouble() * Math.PI);
		return t.createTransformedShape(base);
	}

	private static float[] rasterise(Shape shape, int size) {
		BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.setStroke(new BasicStroke(1f));
		g.fill(shape);
		g.dispose();
		byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
		float[] mask = new float[size * size];
		for (int i = 0; i < mask.length; i++) {
			mask[i] = (data[i] & 0xff) / 255f;
		}
		return mask;
	}

	private static float clamp(float v) {
		return Math.max(0, Math.min(255, v));
	}

}
