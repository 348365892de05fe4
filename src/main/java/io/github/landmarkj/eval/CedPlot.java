package io.github.landmarkj.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import io.github.landmarkj.io.ImageFiles;

/**
 * Draws the cumulative error distribution (fraction of faces with NME(io) at most x) as a PNG, with
 * java.awt only, so it works on headless machines where training runs.
 */
public final class CedPlot {
	/** The curve's colour, exact (the curve is drawn without antialiasing). */
	public static final Color CURVE_COLOR = new Color(0x1f, 0x77, 0xb4);

	private static final int LEFT = 70, RIGHT = 25, TOP = 30, BOTTOM = 55;

	private final int width;
	private final int height;
	private final double maxError;

	/** A plot of {@code width} x {@code height} pixels with x running from 0 to {@code maxError}. */
	public CedPlot(int width, int height, double maxError) {
		if (width < LEFT + RIGHT + 50 || height < TOP + BOTTOM + 50) {
			throw new IllegalArgumentException("A CED plot needs at least " + (LEFT + RIGHT + 50) + " x "
					+ (TOP + BOTTOM + 50) + " pixels, got " + width + " x " + height);
		}
		if (!(maxError > 0)) {
			throw new IllegalArgumentException("The largest error shown must be positive, got " + maxError);
		}
		this.width = width;
		this.height = height;
		this.maxError = maxError;
	}

	/** 640 x 480 pixels, NME from 0 to 0.1. */
	public static CedPlot standard() {
		return new CedPlot(640, 480, 0.1);
	}

	/** Column where the plot draws NME {@code error}. */
	public int xPixel(double error) {
		return LEFT + (int) Math.round(error / maxError * (width - LEFT - RIGHT - 1));
	}

	/** Row where the plot draws the fraction {@code fraction} of faces. */
	public int yPixel(double fraction) {
		return height - BOTTOM - 1 - (int) Math.round(fraction * (height - TOP - BOTTOM - 1));
	}

	/** The plot of the per-face NME(io) values {@code errors}. */
	public BufferedImage render(double[] errors, String title) {
		if (errors.length == 0) {
			throw new IllegalArgumentException("No errors to plot");
		}
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			drawAxes(g, title);
			drawCurve(g, errors);
		} finally {
			g.dispose();
		}
		return image;
	}

	/** Renders and writes a PNG; keeps an existing file, and throws, unless {@code overwrite}. */
	public void write(double[] errors, String title, Path png, boolean overwrite) throws IOException {
		ImageFiles.writePng(render(errors, title), png, overwrite);
	}

	private void drawAxes(Graphics2D g, String title) {
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		FontMetrics fm = g.getFontMetrics();
		int x0 = xPixel(0), x1 = xPixel(maxError), y0 = yPixel(0), y1 = yPixel(1);
		double step = tickStep(maxError);
		int ticks = (int) Math.floor(maxError / step + 1e-9);
		for (int i = 0; i <= ticks; i++) {
			int x = xPixel(i * step);
			g.setColor(new Color(0xe0e0e0));
			g.drawLine(x, y1, x, y0);
			g.setColor(Color.BLACK);
			g.drawLine(x, y0, x, y0 + 5);
			String label = String.format(Locale.ROOT, decimals(step), i * step);
			g.drawString(label, x - fm.stringWidth(label) / 2, y0 + 7 + fm.getAscent());
		}
		for (int i = 0; i <= 10; i++) {
			int y = yPixel(i / 10.0);
			g.setColor(new Color(0xe0e0e0));
			g.drawLine(x0, y, x1, y);
			g.setColor(Color.BLACK);
			g.drawLine(x0 - 5, y, x0, y);
			String label = String.format(Locale.ROOT, "%.1f", i / 10.0);
			g.drawString(label, x0 - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
		}
		g.setColor(Color.BLACK);
		g.drawLine(x0, y0, x1, y0);
		g.drawLine(x0, y0, x0, y1);
		String xLabel = "NME (normalised by inter-ocular distance)";
		g.drawString(xLabel, (x0 + x1 - fm.stringWidth(xLabel)) / 2, height - 10);
		String yLabel = "Fraction of faces";
		AffineTransform saved = g.getTransform();
		g.rotate(-Math.PI / 2);
		g.drawString(yLabel, -(y0 + y1 + fm.stringWidth(yLabel)) / 2, 18);
		g.setTransform(saved);
		if (title != null && !title.isEmpty()) {
			g.setFont(g.getFont().deriveFont(Font.BOLD));
			g.drawString(title, (x0 + x1 - g.getFontMetrics().stringWidth(title)) / 2, TOP - 10);
		}
	}

	private void drawCurve(Graphics2D g, double[] errors) {
		double[] sorted = errors.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		// The CED is a step function: flat between errors, rising by 1/n at each.
		Path2D.Double path = new Path2D.Double();
		path.moveTo(xPixel(0), yPixel(0));
		for (int k = 0; k < n && sorted[k] <= maxError; k++) {
			double x = xPixel(Math.max(0, sorted[k]));
			path.lineTo(x, yPixel(k / (double) n));
			path.lineTo(x, yPixel((k + 1) / (double) n));
		}
		int below = 0;
		while (below < n && sorted[below] <= maxError) {
			below++;
		}
		path.lineTo(xPixel(maxError), yPixel(below / (double) n));
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
		g.setColor(CURVE_COLOR);
		g.setStroke(new BasicStroke(2f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
		g.draw(path);
	}

	/** The largest round spacing (1, 2 or 5 times a power of ten) that gives at least ten intervals. */
	private static double tickStep(double max) {
		double power = Math.pow(10, Math.floor(Math.log10(max)));
		for (double step : new double[] {power, power / 2, power / 5, power / 10}) {
			if (max / step >= 10 - 1e-9) {
				return step;
			}
		}
		return power / 10;
	}

	private static String decimals(double step) {
		int d = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
		return "%." + d + "f";
	}
}
