package io.github.landmarkj.video;

import java.util.List;

/**
 * Temporal smoothing of one face's track: takes the track's per-frame estimates in frame order and
 * returns as many estimates, in the same order, for the same frames. Implementations change the points
 * (and may change the pose); {@code frame}, {@code timeSeconds}, {@code confidence}, {@code success} and
 * the occluded flags pass through. Frames with {@code success == false} carry untrusted points: an
 * implementation may leave them as they are and must not let them pull the trusted frames. The caller
 * recomputes the head pose from the returned points (so a smoother need not). A track may be a single
 * frame; frames may be missing inside a track (look at {@code frame}/{@code timeSeconds}, not the index).
 * An instance holds no state between calls, so one instance may smooth every track of a video.
 * Smoothers that hold a network ({@code learned}) release it on {@link #close()}; the others hold nothing.
 */
public interface TrackSmoother extends AutoCloseable {
	/** The name users give on the command line ({@code none}, {@code filter}, {@code learned}). */
	String name();

	List<FrameEstimate> smooth(List<FrameEstimate> track);

	@Override
	default void close() {
	}
}
