package io.github.landmarkj.ij;

import ij.gui.Roi;

import java.util.List;

/** A list of named ROIs the user keeps: ImageJ's ROI Manager, or a stand-in where it cannot exist. */
public interface RoiStore {
	/** The ROIs in the store's order. */
	List<Roi> rois();

	/** Appends a ROI under its own name. */
	void add(Roi roi);
}
