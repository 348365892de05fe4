package io.github.landmarkj.ij;

import ij.ImagePlus;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.engine.LandmarkDetector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Runs a detector over planes of an ImagePlus: regions per plane, one batch of faces per plane. */
public final class LandmarkDetection {
	/** Told after each plane. */
	public interface Progress {
		void planeDone(int done, int total);
	}

	private final LandmarkDetector detector;
	private final FaceRegions regions;

	public LandmarkDetection(LandmarkDetector detector, FaceRegions regions) {
		this.detector = detector;
		this.regions = regions;
	}

	/**
	 * The faces of each plane, in the order given; stops early, with the planes done so far, when
	 * {@code cancelled} says so.
	 *
	 * @throws IllegalStateException when the regions come from the ROI Manager and no plane has one (the
	 *         detector finding no face is an answer, not an error: every plane then has an empty list)
	 */
	public List<PlaneFaces> run(ImagePlus imp, List<Plane> planes, Progress progress, BooleanSupplier cancelled) {
		List<PlaneFaces> out = new ArrayList<>(planes.size());
		for (Plane plane : planes) {
			if (cancelled.getAsBoolean()) {
				break;
			}
			List<FaceBox> boxes = regions.boxes(imp, plane, detector);
			out.add(new PlaneFaces(plane, boxes.isEmpty() ? Collections.emptyList()
					: detector.analyse(ImagePlusAdapter.plane(imp, plane.stackIndex, ImagePlusAdapter.Scaling.DISPLAY_RANGE), boxes)));
			progress.planeDone(out.size(), planes.size());
		}
		if (!out.isEmpty() && PlaneFaces.faceCount(out) == 0 && regions.source() == FaceRegions.Source.ROI_MANAGER) {
			throw new IllegalStateException("No face region on " + (planes.size() == 1 ? "this plane" : "any of the " + planes.size()
					+ " planes") + ": the ROI Manager has no rectangle (area ROI) positioned there");
		}
		return out;
	}
}
