package io.github.landmarkj.ij;

import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import java.util.Arrays;
import java.util.List;

/** ImageJ's ROI Manager as a {@link RoiStore}. */
public final class RoiManagerStore implements RoiStore {
	private final RoiManager manager;

	public RoiManagerStore(RoiManager manager) {
		this.manager = manager;
	}

	@Override
	public List<Roi> rois() {
		return Arrays.asList(manager.getRoisAsArray());
	}

	@Override
	public void add(Roi roi) {
		// addRoi would rename the ROI after its position; add(roi, -1) keeps our name.
		manager.add(roi, -1);
		manager.rename(manager.getCount() - 1, roi.getName());
	}
}
