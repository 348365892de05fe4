package io.github.landmarkj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Plot;
import ij.process.ImageProcessor;
import io.github.landmarkj.eval.CedCurve;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CED through ImageJ's Plot, headless (surefire runs with java.awt.headless). */
class CedPlotTest {
	private static final int CURVE = CedPlot.CURVE_COLOR.getRGB() & 0xffffff;

	@TempDir
	Path tmp;

	@Test
	void writesAPngOfTheStatedSizeAtomicallyAndKeepsAnExistingOne() throws IOException {
		Path png = tmp.resolve("ced.png");
		CedPlot.writePng(new CedCurve(new double[] {0.02, 0.05}, 0.1), "test", png, false);
		BufferedImage im = ImageIO.read(png.toFile());
		assertEquals(CedPlot.WIDTH, im.getWidth());
		assertEquals(CedPlot.HEIGHT, im.getHeight());
		assertTrue(curvePixels(im) > 100, "the curve's colour is missing from the PNG");
		byte[] before = Files.readAllBytes(png);
		assertThrows(FileAlreadyExistsException.class,
				() -> CedPlot.writePng(new CedCurve(new double[] {0.07}, 0.1), "other", png, false));
		assertEquals(before.length, Files.readAllBytes(png).length);
		try (var files = Files.list(tmp)) {
			assertEquals(1, files.count(), "a temporary file was left beside ced.png");
		}
	}

	@Test
	void curveStepsAtTheErrors() {
		// Two faces with errors 0.02 and 0.05: CED is 0 before 0.02, 0.5 up to 0.05, then 1.
		Plot plot = CedPlot.plot(new CedCurve(new double[] {0.05, 0.02}, 0.1), null);
		plot.setSize(600, 400);
		ImageProcessor ip = plot.getProcessor();
		assertEquals(600, ip.getWidth());
		assertEquals(400, ip.getHeight());
		assertTrue(near(plot, ip, 0.035, 0.5));
		assertTrue(near(plot, ip, 0.02, 0.25));
		assertTrue(near(plot, ip, 0.05, 0.75));
		assertFalse(near(plot, ip, 0.035, 1));
		assertFalse(near(plot, ip, 0.075, 0.5));
		assertFalse(near(plot, ip, 0.01, 0.5));
		assertFalse(near(plot, ip, 0.035, 0.25));
	}

	@Test
	void errorsBeyondTheAxisKeepTheCurveFlat() {
		Plot plot = CedPlot.plot(new CedCurve(new double[] {0.03, 0.5}, 0.1), "flat");
		plot.setSize(600, 400);
		ImageProcessor ip = plot.getProcessor();
		assertTrue(near(plot, ip, 0.06, 0.5));
		assertFalse(near(plot, ip, 0.06, 0.75));
	}

	private static int curvePixels(BufferedImage im) {
		int n = 0;
		for (int y = 0; y < im.getHeight(); y++) {
			for (int x = 0; x < im.getWidth(); x++) {
				n += (im.getRGB(x, y) & 0xffffff) == CURVE ? 1 : 0;
			}
		}
		return n;
	}

	/**
	 * Whether the curve colour is within two pixels of the point (error, fraction). The legend's text has
	 * the curve's colour too: tests look below fraction 0.9, away from the legend in its top corner.
	 */
	private static boolean near(Plot plot, ImageProcessor ip, double error, double fraction) {
		int x = (int) Math.round(plot.scaleXtoPxl(error)), y = (int) Math.round(plot.scaleYtoPxl(fraction));
		for (int dy = -2; dy <= 2; dy++) {
			for (int dx = -2; dx <= 2; dx++) {
				if ((ip.getPixel(x + dx, y + dy) & 0xffffff) == CURVE) {
					return true;
				}
			}
		}
		return false;
	}
}
