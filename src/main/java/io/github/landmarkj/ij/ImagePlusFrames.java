package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.measure.Calibration;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.video.FrameSource;

import java.util.Locale;

/**
 * An image's planes as video frames: along T at the current channel and slice, or along Z when the image
 * has no time axis (plain stacks, and AVI files as ImageJ opens them). Grey planes are scaled by the
 * display range, as for single images. The image is only read.
 */
public final class ImagePlusFrames implements FrameSource {
	private final ImagePlus imp;
	private final boolean alongTime;
	private final int channel;
	private final int slice;

	public ImagePlusFrames(ImagePlus imp) {
		this.imp = imp;
		this.alongTime = imp.getNFrames() > 1;
		this.channel = imp.getChannel();
		this.slice = imp.getSlice();
	}

	/** The 1-based stack index of frame {@code index} (0-based). */
	public int stackIndex(int index) {
		return alongTime ? imp.getStackIndex(channel, slice, index + 1) : imp.getStackIndex(channel, index + 1, 1);
	}

	public ImagePlus image() {
		return imp;
	}

	@Override
	public String name() {
		return imp.getTitle();
	}

	@Override
	public int frameCount() {
		return alongTime ? imp.getNFrames() : imp.getNSlices();
	}

	/** From the calibration's frame rate or frame interval (seconds or milliseconds); NaN when neither is set. */
	@Override
	public double framesPerSecond() {
		Calibration cal = imp.getCalibration();
		if (cal.fps > 0) {
			return cal.fps;
		}
		if (cal.frameInterval > 0) {
			String unit = cal.getTimeUnit() == null ? "" : cal.getTimeUnit().toLowerCase(Locale.ROOT);
			if (unit.equals("s") || unit.startsWith("sec")) {
				return 1 / cal.frameInterval;
			}
			if (unit.equals("ms") || unit.startsWith("msec") || unit.startsWith("milli")) {
				return 1000 / cal.frameInterval;
			}
		}
		return Double.NaN;
	}

	@Override
	public RgbImage frame(int index) {
		if (index < 0 || index >= frameCount()) {
			throw new IllegalArgumentException("Frame " + (index + 1) + " is outside the " + frameCount() + " frames of " + name());
		}
		return ImagePlusAdapter.plane(imp, stackIndex(index), ImagePlusAdapter.Scaling.DISPLAY_RANGE);
	}
}
