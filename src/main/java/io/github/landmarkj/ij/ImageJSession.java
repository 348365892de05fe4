package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import org.scijava.service.SciJavaService;

import java.util.List;

/**
 * What the user has open in ImageJ 1.x that commands read or add to: the open images, the ROI Manager
 * and the Results table. A service, so that headless runs (where ImageJ cannot create a ROI Manager)
 * and tests can supply their own.
 */
public interface ImageJSession extends SciJavaService {
	/** The open images, in ImageJ's window order. */
	List<ImagePlus> openImages();

	/** The ROI Manager if there is one, else null. */
	RoiStore roiManager();

	/**
	 * The ROI Manager, opened if needed.
	 *
	 * @throws IllegalStateException where there is none and none can be made (headless)
	 */
	RoiStore roiManagerOrCreate();

	/** The table that macros read with {@code nResults} and {@code getResult}. */
	ResultsTable resultsTable();
}
