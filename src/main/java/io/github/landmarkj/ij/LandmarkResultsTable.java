package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.Landmarks;

import java.awt.GraphicsEnvironment;
import java.util.List;

/**
 * Landmarks as a Results table, one row per point: image, slice, frame, face, point (from 1), name,
 * x and y in pixels (0-based pixel centres, the numbers of the CSV files), x_cal and y_cal in the
 * image's calibrated unit (what ImageJ's Measure reports for a point there, origin and pixel size
 * applied), unit, confidence, occluded (0/1), and the face's head pose pitch, yaw, roll in degrees (for
 * schemes with a 3-D mean face).
 */
public final class LandmarkResultsTable {
	private LandmarkResultsTable() {
	}

	/** Replaces the table's rows with the landmarks of {@code planes}. */
	public static void fill(ResultsTable rt, ImagePlus imp, List<PlaneFaces> planes, LandmarkScheme scheme) {
		String image = imp.getTitle();
		Calibration cal = imp.getCalibration();
		rt.reset();
		rt.showRowNumbers(false);
		HeadPoseEstimator poses = HeadPoseEstimator.forScheme(scheme);
		for (PlaneFaces pf : planes) {
			for (FaceResult face : pf.results()) {
				Landmarks l = face.landmarks();
				HeadPose pose = poses == null ? null : poses.estimate(l);
				for (int i = 0; i < l.size(); i++) {
					double x = l.point(i).x, y = l.point(i).y;
					rt.incrementCounter();
					rt.addValue("image", image);
					rt.addValue("slice", pf.plane.slice);
					rt.addValue("frame", pf.plane.frame);
					rt.addValue("face", face.index() + 1);
					rt.addValue("point", i + 1);
					rt.addValue("name", scheme.pointName(i));
					rt.addValue("x", x);
					rt.addValue("y", y);
					rt.addValue("x_cal", cal.getX(IjCoordinates.toIj(x)));
					rt.addValue("y_cal", cal.getY(IjCoordinates.toIj(y), imp.getHeight()));
					rt.addValue("unit", cal.getUnit());
					rt.addValue("confidence", l.confidence(i));
					rt.addValue("occluded", l.occluded(i) ? 1 : 0);
					if (pose != null) {
						rt.addValue("pitch", pose.pitch());
						rt.addValue("yaw", pose.yaw());
						rt.addValue("roll", pose.roll());
					}
				}
			}
		}
		if (rt.size() > 0) {
			for (String column : new String[] {"x", "y", "x_cal", "y_cal", "confidence"}) {
				rt.setDecimalPlaces(rt.getColumnIndex(column), 3);
			}
			for (String column : new String[] {"pitch", "yaw", "roll"}) {
				if (rt.columnExists(column)) {
					rt.setDecimalPlaces(rt.getColumnIndex(column), 1);
				}
			}
		}
	}

	/** Shows the table in a window titled {@code title}; does nothing without a display. */
	public static void show(ResultsTable rt, String title) {
		if (!GraphicsEnvironment.isHeadless()) {
			rt.show(title);
		}
	}
}
