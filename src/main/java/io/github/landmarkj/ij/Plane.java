package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.gui.Roi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One 2-D plane of an image: its 1-based stack index and its channel, slice and frame. A plain stack
 * (no hyperstack dimensions) is treated as a series of frames, because that is how videos open.
 */
public final class Plane {
	/** How a ROI is tied to this plane. */
	private enum Positioning {
		NONE, STACK_INDEX, HYPERSTACK
	}

	public final int stackIndex;
	public final int channel;
	public final int slice;
	/** The frame number used in tables and names: the time point, or the slice when the image has no time axis. */
	public final int frame;
	private final int t;
	private final boolean slicesAndFrames;
	private final Positioning positioning;

	private Plane(int stackIndex, int channel, int slice, int t, int frame, boolean slicesAndFrames, Positioning positioning) {
		this.stackIndex = stackIndex;
		this.channel = channel;
		this.slice = slice;
		this.t = t;
		this.frame = frame;
		this.slicesAndFrames = slicesAndFrames;
		this.positioning = positioning;
	}

	/** The plane at a 1-based stack index. */
	public static Plane of(ImagePlus imp, int stackIndex) {
		if (stackIndex < 1 || stackIndex > imp.getStackSize()) {
			throw new IllegalArgumentException("Plane " + stackIndex + " is outside the image's " + imp.getStackSize() + " planes");
		}
		int[] czt = imp.convertIndexToPosition(stackIndex);
		Positioning p = imp.getStackSize() == 1 ? Positioning.NONE
				: imp.isHyperStack() || imp.getNChannels() > 1 ? Positioning.HYPERSTACK : Positioning.STACK_INDEX;
		boolean both = imp.getNSlices() > 1 && imp.getNFrames() > 1;
		// A plain stack has its planes along z: they are the frames of a video.
		int frame = imp.getNFrames() > 1 ? czt[2] : czt[1];
		return new Plane(stackIndex, czt[0], czt[1], czt[2], frame, both, p);
	}

	/** The plane the image currently shows. */
	public static Plane current(ImagePlus imp) {
		return of(imp, imp.getCurrentSlice());
	}

	/** Every slice and frame at the current channel, in stack order. */
	public static List<Plane> all(ImagePlus imp) {
		List<Plane> planes = new ArrayList<>();
		int c = imp.getChannel();
		for (int t = 1; t <= imp.getNFrames(); t++) {
			for (int z = 1; z <= imp.getNSlices(); z++) {
				planes.add(of(imp, imp.getStackIndex(c, z, t)));
			}
		}
		return Collections.unmodifiableList(planes);
	}

	/** "t3", or "z2-t3" when the image has both slices and frames: used in ROI and file names. */
	public String label() {
		return slicesAndFrames ? "z" + slice + "-t" + frame : "t" + frame;
	}

	/** Ties a ROI to this plane so that it shows only there; single images leave it unpositioned. */
	public void position(Roi roi) {
		switch (positioning) {
			case HYPERSTACK:
				roi.setPosition(channel, slice, t);
				break;
			case STACK_INDEX:
				roi.setPosition(stackIndex);
				break;
			default:
				break;
		}
	}

	/** Whether a ROI belongs on this plane: unpositioned ROIs belong on every plane. */
	public boolean shows(Roi roi) {
		if (roi.hasHyperStackPosition()) {
			return matches(roi.getCPosition(), channel) && matches(roi.getZPosition(), slice) && matches(roi.getTPosition(), t);
		}
		return roi.getPosition() == 0 || roi.getPosition() == stackIndex;
	}

	private static boolean matches(int position, int value) {
		return position == 0 || position == value;
	}
}
