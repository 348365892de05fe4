package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.process.FloatPolygon;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.video.FrameEstimate;
import io.github.landmarkj.video.Track;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

/**
 * Tracks drawn on a video's frames: per frame and face its points (cyan; red where the frame's landmarks
 * failed), its identity as a label {@code face <k>} above the face, and its head axes at the nose tip.
 * ROIs are named {@code face<k>-t<frame> points|label|head axis x|y|z} and tied to their frame; what is
 * already in the overlay stays.
 */
public final class TrackOverlay {
	private TrackOverlay() {
	}

	/** @return the number of ROIs added */
	public static int add(ImagePlus imp, ImagePlusFrames frames, List<Track> tracks, HeadPoseEstimator poses) {
		Overlay overlay = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
		int added = 0;
		for (Track track : tracks) {
			for (FrameEstimate e : track.frames()) {
				Plane plane = Plane.of(imp, frames.stackIndex(e.frame()));
				String prefix = "face" + track.faceId + "-" + plane.label() + " ";
				Landmarks l = e.landmarks();
				FloatPolygon p = new FloatPolygon();
				for (int i = 0; i < l.size(); i++) {
					p.addPoint(IjCoordinates.toIj(l.point(i).x), IjCoordinates.toIj(l.point(i).y));
				}
				PointRoi points = new PointRoi(p);
				points.setPointType(PointRoi.DOT);
				points.setStrokeColor(e.success() ? LandmarkOverlay.LOCAL : LandmarkOverlay.OCCLUDED);
				added += add(overlay, points, prefix + "points", plane);
				if (!e.success()) {
					continue; // failed frames may hold points that are not numbers: no label, no axes
				}
				FaceBox box = l.boundingBox();
				int size = (int) Math.max(10, Math.min(40, box.width / 5));
				TextRoi label = new TextRoi(box.x, Math.max(0, box.y - 1.5 * size), "face " + track.faceId, new Font("SansSerif", Font.BOLD, size));
				label.setStrokeColor(Color.YELLOW);
				added += add(overlay, label, prefix + "label", plane);
				if (poses != null && poses.canFit(l.points())) {
					for (Roi axis : LandmarkOverlay.headAxes(poses.fit(l.points()), poses.meanFace().point(HeadPoseEstimator.IBUG68_NOSE_TIP))) {
						added += add(overlay, axis, prefix + axis.getName(), plane);
					}
				}
			}
		}
		imp.setOverlay(overlay);
		return added;
	}

	private static int add(Overlay overlay, Roi roi, String name, Plane plane) {
		roi.setName(name);
		plane.position(roi);
		overlay.add(roi);
		return 1;
	}
}
