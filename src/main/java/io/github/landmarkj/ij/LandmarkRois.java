package io.github.landmarkj.ij;

import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.process.FloatPolygon;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.Landmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One multi-point ROI per face for the ROI Manager, its points in the scheme's order (so that the ROI
 * can be edited and used as a training annotation), named {@code face<k>-t<frame>} with k from 1.
 */
public final class LandmarkRois {
	private LandmarkRois() {
	}

	/** {@code face<k>-t<frame>}, or {@code face<k>-z<slice>-t<frame>} when the image has slices and frames. */
	public static String name(FaceResult face, Plane plane) {
		return "face" + (face.index() + 1) + "-" + plane.label();
	}

	public static PointRoi roi(FaceResult face, Plane plane) {
		Landmarks l = face.landmarks();
		FloatPolygon p = new FloatPolygon();
		for (int i = 0; i < l.size(); i++) {
			p.addPoint(IjCoordinates.toIj(l.point(i).x), IjCoordinates.toIj(l.point(i).y));
		}
		PointRoi roi = new PointRoi(p);
		roi.setName(name(face, plane));
		plane.position(roi);
		return roi;
	}

	public static List<Roi> rois(List<PlaneFaces> planes) {
		List<Roi> rois = new ArrayList<>();
		for (PlaneFaces pf : planes) {
			for (FaceResult face : pf.results()) {
				rois.add(roi(face, pf.plane));
			}
		}
		return rois;
	}

	/** Appends one ROI per face to the store; returns how many. */
	public static int addTo(RoiStore store, List<PlaneFaces> planes) {
		List<Roi> rois = rois(planes);
		rois.forEach(store::add);
		return rois.size();
	}
}
