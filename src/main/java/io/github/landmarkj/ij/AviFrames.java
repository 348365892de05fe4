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
		AVI_Reader reader = new AVI_Reader();
		reader.displayDialog(false);
		ImageStack stack;
		try {
			stack = reader.makeStack(avi.toString(), 1, 0, true, false, false);
		} catch (RuntimeException e) {
			throw new IOException("Cannot read AVI " + avi + ": " + e, e);
		}
		String error = reader.getErrorText();
		if (stack == null || stack.getSize() == 0 || (error != null && !error.isEmpty())) {
			throw new IOException("Cannot read AVI " + avi + ": " + (error == null || error.isEmpty() ? "no frames" : error)
					+ " (ImageJ reads uncompressed, MJPEG and PNG-compressed AVIs; convert others, e.g. with ffmpeg -c:v mjpeg)");
		}
		ImagePlus imp = reader.getImagePlus();
		if (imp == null) {
			imp = new ImagePlus(avi.getFileName().toString(), stack);
		}
		imp.setTitle(avi.getFileName().toString());
		return new ImagePlusFrames(imp);
	}
}
