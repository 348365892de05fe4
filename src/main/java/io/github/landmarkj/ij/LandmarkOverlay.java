package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.process.FloatPolygon;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.PoseFit;
import io.github.landmarkj.core.LandmarkGroup;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.io.AnnotatedImageRenderer;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws landmarks as overlay ROIs: each part of the scheme as an outline (closed parts as polygons,
 * the others as polylines), the global contour (jaw) in one colour and the local features in another,
 * visible points as dots in their part's colour and occluded points as red circles. The colours are
 * those of the annotated PNGs. For schemes with a 3-D mean face the head axes are drawn at the nose tip.
 * On stacks every ROI is tied to its plane.
 */
public final class LandmarkOverlay {
	public static final Color GLOBAL = AnnotatedImageRenderer.GLOBAL;
	public static final Color LOCAL = AnnotatedImageRenderer.LOCAL;
	public static final Color OCCLUDED = AnnotatedImageRenderer.OCCLUDED;

	private LandmarkOverlay() {
	}

	/**
	 * Adds the landmarks to the image's overlay, creating one if the image has none; what is already in
	 * the overlay stays.
	 *
	 * @return the number of ROIs added
	 */
	public static int add(ImagePlus imp, List<PlaneFaces> planes, LandmarkScheme scheme) {
		Overlay overlay = imp.getOverlay();
		if (overlay == null) {
			overlay = new Overlay();
		}
		int added = 0;
		for (PlaneFaces pf : planes) {
			for (FaceResult face : pf.results()) {
				for (Roi roi : rois(pf.plane, face, scheme)) {
					overlay.add(roi);
					added++;
				}
			}
		}
		imp.setOverlay(overlay);
		return added;
	}

	/** The outline and point ROIs of one face, named {@code face<k>-<plane> <part>}. */
	public static List<Roi> rois(Plane plane, FaceResult face, LandmarkScheme scheme) {
		String prefix = LandmarkRois.name(face, plane) + " ";
		Landmarks l = face.landmarks();
		List<Roi> rois = new ArrayList<>();
		for (LandmarkGroup g : scheme.groups()) {
			FloatPolygon outline = new FloatPolygon();
			for (int i = g.first; i <= g.last; i++) {
				outline.addPoint(IjCoordinates.toIj(l.point(i).x), IjCoordinates.toIj(l.point(i).y));
			}
			Roi roi = new PolygonRoi(outline, g.closed ? Roi.POLYGON : Roi.POLYLINE);
			roi.setStrokeColor(g.global ? GLOBAL : LOCAL);
			add(rois, roi, prefix + g.name, plane);
		}
		PointRoi global = points(l, scheme, true, false), local = points(l, scheme, false, false), hidden = points(l, scheme, null, true);
		if (global != null) {
			global.setStrokeColor(GLOBAL);
			add(rois, global, prefix + "contour points", plane);
		}
		if (local != null) {
			local.setStrokeColor(LOCAL);
			add(rois, local, prefix + "feature points", plane);
		}
		if (hidden != null) {
			hidden.setStrokeColor(OCCLUDED);
			hidden.setPointType(PointRoi.CIRCLE);
			add(rois, hidden, prefix + "occluded points", plane);
		}
		HeadPoseEstimator poses = HeadPoseEstimator.forScheme(scheme);
		if (poses != null && poses.canFit(l.points())) {
			for (Roi axis : headAxes(poses.fit(l.points()), poses.meanFace().point(HeadPoseEstimator.IBUG68_NOSE_TIP))) {
				add(rois, axis, prefix + axis.getName(), plane);
			}
		}
		return rois;
	}

	/**
	 * Head axes drawn from the nose tip, half an eye distance long: x (red) toward the subject's left, y
	 * (green) down the face, z (blue) out of the face; named {@code head axis x|y|z}.
	 */
	public static List<Roi> headAxes(PoseFit fit, double[] noseTip) {
		Point2[] ends = fit.axes(noseTip, 0.5);
		Color[] colours = {Color.RED, Color.GREEN, Color.BLUE};
		String[] names = {"x", "y", "z"};
		List<Roi> out = new ArrayList<>();
		for (int k = 0; k < 3; k++) {
			Line line = new Line(IjCoordinates.toIj(ends[0].x), IjCoordinates.toIj(ends[0].y), IjCoordinates.toIj(ends[k + 1].x),
					IjCoordinates.toIj(ends[k + 1].y));
			line.setStrokeColor(colours[k]);
			line.setStrokeWidth(2);
			line.setName("head axis " + names[k]);
			out.add(line);
		}
		return out;
	}

	private static void add(List<Roi> rois, Roi roi, String name, Plane plane) {
		roi.setName(name);
		plane.position(roi);
		rois.add(roi);
	}

	/**
	 * The points that are occluded (or not), and in a global part (true), a local part (false) or any
	 * (null); null when there are none. Points outside every part count as local.
	 */
	private static PointRoi points(Landmarks l, LandmarkScheme scheme, Boolean global, boolean occluded) {
		FloatPolygon p = new FloatPolygon();
		for (int i = 0; i < l.size(); i++) {
			LandmarkGroup g = scheme.groupOf(i);
			boolean isGlobal = g != null && g.global;
			if (l.occluded(i) == occluded && (global == null || global == isGlobal)) {
				p.addPoint(IjCoordinates.toIj(l.point(i).x), IjCoordinates.toIj(l.point(i).y));
			}
		}
		if (p.npoints == 0) {
			return null;
		}
		PointRoi roi = new PointRoi(p);
		roi.setPointType(PointRoi.DOT);
		return roi;
	}
}
