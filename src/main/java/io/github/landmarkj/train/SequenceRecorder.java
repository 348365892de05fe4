package io.github.landmarkj.train;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;

import java.util.List;

/**
 * Runs the per-frame landmark network over a synthetic video the way a tracker does: the first frame
 * and every {@code redetectEvery}-th frame start from the face's tight box (a perfect detector), the
 * frames between from the tight box of the previous frame's points. The result pairs those noisy
 * per-frame points with the video's true points.
 */
public record SequenceRecorder(PerFrameLandmarks network, int redetectEvery) {
	/** The per-frame network: landmarks of the face in {@code box}. */
	public interface PerFrameLandmarks {
		Landmarks detect(RgbImage frame, FaceBox box);
	}

	public SequenceRecorder {
		if (redetectEvery < 1) {
			throw new IllegalArgumentException("redetectEvery must be at least 1");
		}
	}

	public LabelledSequence record(SyntheticVideo video) {
		SyntheticVideo.Settings s = video.settings();
		int frames = s.frames();
		List<Point2> first = video.truth(0);
		int m = first.size();
		float[] truth = new float[frames * m * 2], raw = new float[frames * m * 2], conf = new float[frames * m];
		Landmarks previous = null;
		for (int t = 0; t < frames; t++) {
			List<Point2> gt = video.truth(t);
			FaceBox box = previous == null || t % redetectEvery == 0 ? FaceBox.enclosing(gt) : previous.boundingBox();
			Landmarks found = network.detect(video.frame(t), box);
			for (int i = 0; i < m; i++) {
				int k = t * m + i;
				truth[2 * k] = (float) gt.get(i).x;
				truth[2 * k + 1] = (float) gt.get(i).y;
				raw[2 * k] = (float) found.point(i).x;
				raw[2 * k + 1] = (float) found.point(i).y;
				conf[k] = (float) found.confidence(i);
			}
			previous = found;
		}
		return new LabelledSequence(video.source(), frames, m, s.fps(), s.frameSize(), s.frameSize(), truth, raw, conf);
	}
}
