package io.github.landmarkj.train;

import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.TemporalFeatures;
import io.github.landmarkj.video.FrameEstimate;
import io.github.landmarkj.video.TrackSmoother;

import java.util.ArrayList;
import java.util.List;

/** Runs a {@link TrackSmoother} over a recorded sequence's per-frame points, as the track verb would. */
public final class SequenceSmoothing {
	private SequenceSmoothing() {
	}

	/** @return the smoothed points, frames x points x 2 */
	public static float[] apply(TrackSmoother smoother, LabelledSequence s) {
		List<FrameEstimate> track = new ArrayList<>(s.frames);
		for (int t = 0; t < s.frames; t++) {
			Landmarks l = new Landmarks(s.raw(t), s.confidences(t), new boolean[s.points]);
			track.add(new FrameEstimate(t, t / s.fps, l, l.meanConfidence(), true, HeadPose.FRONTAL));
		}
		List<FrameEstimate> out = smoother.smooth(track);
		List<List<Point2>> points = new ArrayList<>(out.size());
		for (FrameEstimate e : out) {
			points.add(e.landmarks().points());
		}
		return TemporalFeatures.interleave(points);
	}
}
