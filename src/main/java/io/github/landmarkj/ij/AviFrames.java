package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.AVI_Reader;
import io.github.landmarkj.video.FrameSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * AVI files as ImageJ's own reader ({@code ij.plugin.AVI_Reader}) opens them: uncompressed, MJPEG (and
 * PNG-compressed) AVIs, read frame by frame as a virtual stack, without native libraries; works headless.
 */
public final class AviFrames {
	private AviFrames() {
	}

	public static FrameSource open(Path avi) throws IOException {
		if (!Files.isRegularFile(avi)) {
			throw new IOException("No such AVI file: " + avi);
		}
		ImagePlus imp;
		try {
			// Run as the plugin does (no dialog, virtual: frames are read when asked for), which keeps the AVI's
			// frame rate in the calibration; the static openers drop it.
			AVI_Reader reader = new AVI_Reader();
			reader.displayDialog(false);
			reader.setVirtual(true);
			reader.run(avi.toString());
			imp = reader.getImagePlus();
		} catch (RuntimeException e) {
			throw new IOException("Cannot read AVI " + avi + ": " + e, e);
		}
		if (imp == null || imp.getStackSize() == 0) {
			throw new IOException("Cannot read AVI " + avi + ": " + whyNot(avi)
					+ " (ImageJ reads uncompressed, MJPEG and PNG-compressed AVIs; convert others, e.g. with ffmpeg -c:v mjpeg)");
		}
		imp.setTitle(avi.getFileName().toString());
		return new ImagePlusFrames(imp);
	}

	/** The reader's own explanation of a failure. */
	private static String whyNot(Path avi) {
		AVI_Reader reader = new AVI_Reader();
		reader.displayDialog(false);
		try {
			ImageStack stack = reader.makeStack(avi.toString(), 1, 0, true, false, false);
			String error = reader.getErrorText();
			return error != null && !error.isEmpty() ? error : stack == null || stack.getSize() == 0 ? "no frames" : "unknown reason";
		} catch (RuntimeException e) {
			return e.toString();
		}
	}
}
