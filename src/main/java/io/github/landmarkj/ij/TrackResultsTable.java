package io.github.landmarkj.ij;

import ij.measure.ResultsTable;
import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.video.FrameEstimate;
import io.github.landmarkj.video.Track;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tracks as a Results table with the columns of the track CSV: one row per frame and face, sorted by
 * frame then face: frame (from 1), face_id, timestamp (s), confidence, success (0/1), pitch, yaw, roll
 * (degrees; NaN without pose), x_0.., y_0.. (0-based pixels).
 */
public final class TrackResultsTable {
	private TrackResultsTable() {
	}

	public static void fill(ResultsTable rt, List<Track> tracks) {
		rt.reset();
		rt.showRowNumbers(false);
		List<Object[]> rows = new ArrayList<>();
		for (Track t : tracks) {
			for (FrameEstimate e : t.frames()) {
				rows.add(new Object[] {t.faceId, e});
			}
		}
		rows.sort(Comparator.<Object[]>comparingInt(r -> ((FrameEstimate) r[1]).frame()).thenComparingInt(r -> (Integer) r[0]));
		for (Object[] r : rows) {
			FrameEstimate e = (FrameEstimate) r[1];
			HeadPose p = e.pose();
			rt.incrementCounter();
			rt.addValue("frame", e.frame() + 1);
			rt.addValue("face_id", (Integer) r[0]);
			rt.addValue("timestamp", e.timeSeconds());
			rt.addValue("confidence", e.confidence());
			rt.addValue("success", e.success() ? 1 : 0);
			rt.addValue("pitch", p.pitch());
			rt.addValue("yaw", p.yaw());
			rt.addValue("roll", p.roll());
			Landmarks l = e.landmarks();
			for (int i = 0; i < l.size(); i++) {
				rt.addValue("x_" + i, l.point(i).x);
			}
			for (int i = 0; i < l.size(); i++) {
				rt.addValue("y_" + i, l.point(i).y);
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
