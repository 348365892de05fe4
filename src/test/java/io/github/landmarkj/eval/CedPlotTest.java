package io.github.landmarkj.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CedPlotTest {
	private static final int CURVE = CedPlot.CURVE_COLOR.getRGB() & 0xffffff;

	@TempDir
	Path tmp;

	@Test
	void writesPngOfRequestedSize() throws IOException {
		Path png = tmp.resolve("ced.png");
		CedPlot.standard().write(new double[] {0.02, 0.05}, "test", png, false);
		assertTrue(Files.size(png) > 0);
		BufferedImage im = ImageIO.read(png.toFile());
		assertEquals(640, im.getWidth());
		assertEquals(480, im.getHeight());
		assertThrows(FileAlreadyExistsException.class,
				() -> CedPlot.standard().write(new double[] {0.02}, "test", png, false));
	}

	@Test
	void curveStepsAtTheErrors() {
		// Two faces with errors 0.02 and 0.05: CED is 0 before 0.02, 0.5 up to 0.05, then 1.
		CedPlot plot = new CedPlot(600, 400, 0.1);
		BufferedImage im = plot.render(new double[] {0.05, 0.02}, null);
		assertTrue(near(im, plot.xPixel(0.01), plot.yPixel(0)));
		assertTrue(near(im, plot.xPixel(0.035), plot.yPixel(0.5)));
		assertTrue(near(im, plot.xPixel(0.075), plot.yPixel(1)));
		assertTrue(near(im, plot.xPixel(0.02), plot.yPixel(0.25)));
		assertFalse(near(im, plot.xPixel(0.035), plot.yPixel(1)));
		assertFalse(near(im, plot.xPixel(0.075), plot.yPixel(0.5)));
		assertFalse(near(im, plot.xPixel(0.01), plot.yPixel(0.5)));
	}

	@Test
	void errorsBeyondTheAxisKeepTheCurveFlat() {
		CedPlot plot = new CedPlot(600, 400, 0.1);
		BufferedImage im = plot.render(new double[] {0.03, 0.5}, null);
		assertTrue(near(im, plot.xPixel(0.09), plot.yPixel(0.5)));
		assertFalse(near(im, plot.xPixel(0.09), plot.yPixel(1)));
	}

	@Test
	void drawsAxisTextInBlack() {
		CedPlot plot = new CedPlot(600, 400, 0.1);
		BufferedImage im = plot.render(new double[] {0.05}, null);
		int dark = 0;
		// The area below the x axis holds tick labels and the axis title.
		for (int y = plot.yPixel(0) + 8; y < im.getHeight(); y++) {
			for (int x = 0; x < im.getWidth(); x++) {
				if ((im.getRGB(x, y) & 0xffffff) < 0x404040) {
					dark++;
				}
			}
		}
		assertTrue(dark > 100, "only " + dark + " dark pixels under the axis");
	}

	@Test
	void rejectsBadSettings() {
		assertThrows(IllegalArgumentException.class, () -> new CedPlot(600, 400, 0));
		assertThrows(IllegalArgumentException.class, () -> new CedPlot(20, 20, 0.1));
		assertThrows(IllegalArgumentException.class, () -> CedPlot.standard().render(new double[0], null));
	}

	/** Whether the curve colour is within one pixel of (x, y): the curve is two pixels wide. */
	private static boolean near(BufferedImage im, int x, int y) {
		for (int dy = -1; dy <= 1; dy++) {
			for (int dx = -1; dx <= 1; dx++) {
				if ((im.getRGB(x + dx, y + dy) & 0xffffff) == CURVE) {
					return true;
				}
			}
		}
		return false;
	}
}
