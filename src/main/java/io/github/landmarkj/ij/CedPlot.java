package io.github.landmarkj.ij;

import ij.gui.Plot;
import io.github.landmarkj.eval.CedCurve;
import io.github.landmarkj.io.ImageFiles;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The cumulative error distribution of an evaluation as an ImageJ {@link Plot} (works headless): the
 * {@link CedCurve}'s steps, axes from 0 to its largest error and from 0 to 1, its AUC and failure rate
 * in the legend (in the corner with the fewest points). The curve's data stay in {@code eval/}; this class only draws them.
 */
public final class CedPlot {
	/** The curve's colour. */
	public static final Color CURVE_COLOR = new Color(0x1f, 0x77, 0xb4);
	/** The size of {@code ced.png}. */
	public static final int WIDTH = 640, HEIGHT = 480;
	private static final double TOP_MARGIN = 0.03;

	private CedPlot() {
	}

	/** The plot of {@code curve}; {@code title} (may be null) names the window and heads the legend. */
	public static Plot plot(CedCurve curve, String title) {
		String name = title == null || title.isEmpty() ? "CED" : title;
		Plot plot = new Plot(name + " CED", "NME (normalised by inter-ocular distance)", "Fraction of faces");
		// A little room above 1 so that the curve's last step is not hidden by the frame.
		plot.setLimits(0, curve.maxError(), 0, 1 + TOP_MARGIN);
		plot.setColor(CURVE_COLOR);
		plot.setLineWidth(2);
		plot.addPoints(curve.x(), curve.y(), Plot.LINE);
		String at = percent(curve.maxError());
		plot.setLegend(String.format(Locale.ROOT, "%s  AUC@%s %.3f  FR@%s %.1f%%", name, at, curve.auc(), at, 100 * curve.failureRate()),
				Plot.AUTO_POSITION);
		return plot;
	}

	/** The plot drawn into a {@code width} x {@code height} RGB image. */
	public static BufferedImage render(CedCurve curve, String title, int width, int height) {
		Plot plot = plot(curve, title);
		plot.setSize(width, height);
		return plot.getProcessor().convertToRGB().getBufferedImage();
	}

	/** Draws {@value #WIDTH} x {@value #HEIGHT} pixels and writes them atomically as a PNG; keeps an existing file, and throws, unless {@code overwrite}. */
	public static void writePng(CedCurve curve, String title, Path png, boolean overwrite) throws IOException {
		ImageFiles.writePng(render(curve, title, WIDTH, HEIGHT), png, overwrite);
	}

	private static String percent(double fraction) {
		String s = String.format(Locale.ROOT, "%.2f", 100 * fraction).replaceAll("\\.?0+$", "");
		return s + "%";
	}
}
