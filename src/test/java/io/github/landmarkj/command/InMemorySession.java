package io.github.landmarkj.command;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import io.github.landmarkj.ij.ImageJSession;
import io.github.landmarkj.ij.RoiStore;
import org.scijava.Priority;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * The ImageJ session of the tests: ImageJ cannot create a ROI Manager without a display, so the tests'
 * "ROI Manager" is a list; open images are what the test says; the Results table is ImageJ's own, so
 * that macros see it through nResults.
 */
@Plugin(type = Service.class, priority = Priority.HIGH)
public final class InMemorySession extends AbstractService implements ImageJSession {
	private final List<ImagePlus> images = new ArrayList<>();
	private final ListRoiStore rois = new ListRoiStore();

	@Override
	public List<ImagePlus> openImages() {
		return new ArrayList<>(images);
	}

	@Override
	public RoiStore roiManager() {
		return rois;
	}

	@Override
	public RoiStore roiManagerOrCreate() {
		return rois;
	}

	@Override
	public ResultsTable resultsTable() {
		return ResultsTable.getResultsTable();
	}

	public void open(ImagePlus imp) {
		images.add(imp);
	}

	public ListRoiStore rois() {
		return rois;
	}

	/** A ROI Manager stand-in. */
	public static final class ListRoiStore implements RoiStore {
		private final List<Roi> list = new ArrayList<>();

		@Override
		public List<Roi> rois() {
			return new ArrayList<>(list);
		}

		@Override
		public void add(Roi roi) {
			list.add(roi);
		}

		public void clear() {
			list.clear();
		}
	}
}
