package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The session of the running ImageJ 1.x: WindowManager, the ROI Manager window, the system Results table. */
@Plugin(type = Service.class)
public final class DefaultImageJSession extends AbstractService implements ImageJSession {
	static final String NO_ROI_MANAGER = "The ROI Manager needs a display and is not available in headless mode: "
			+ "use regions=[Current ROI] (makeRectangle) or [Whole image], write results with output_folder, "
			+ "or give face boxes to Detect Landmarks in Folder as a CSV";

	@Override
	public List<ImagePlus> openImages() {
		int[] ids = WindowManager.getIDList();
		if (ids == null) {
			return Collections.emptyList();
		}
		List<ImagePlus> images = new ArrayList<>(ids.length);
		for (int id : ids) {
			ImagePlus imp = WindowManager.getImage(id);
			if (imp != null) {
				images.add(imp);
			}
		}
		return images;
	}

	@Override
	public RoiStore roiManager() {
		// In headless mode even asking for the instance makes ImageJ try to build a hidden window.
		if (GraphicsEnvironment.isHeadless()) {
			return null;
		}
		RoiManager rm = RoiManager.getInstance();
		return rm == null ? null : new RoiManagerStore(rm);
	}

	@Override
	public RoiStore roiManagerOrCreate() {
		if (GraphicsEnvironment.isHeadless()) {
			throw new IllegalStateException(NO_ROI_MANAGER);
		}
		return new RoiManagerStore(RoiManager.getRoiManager());
	}

	@Override
	public ResultsTable resultsTable() {
		return ResultsTable.getResultsTable();
	}
}
