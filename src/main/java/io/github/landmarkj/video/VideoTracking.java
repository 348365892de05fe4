package io.github.landmarkj.video;

import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.core.RgbImage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A whole video: every frame of a source through a {@link FaceTracker}, then each track through a
 * {@link TrackSmoother} and the head pose recomputed from the smoothed points. Frame {@code i} is at
 * {@code i / framesPerSecond} seconds.
 */
public final class VideoTracking {
	/** Told after every frame. */
	@FunctionalInterface
	public interface Progress {
		void frameDone(int done, int total, int facesInFrame);
	}

	private final TrackSmoother smoother;
	private final HeadPoseEstimator poses;

	/** @param poses null for no head pose */
	public VideoTracking(TrackSmoother smoother, HeadPoseEstimator poses) {
		this.smoother = smoother;
		this.poses = poses;
	}

	/**
	 * @param framesPerSecond for the timestamps (positive)
	 * @throws CancellationException when {@code cancelled} says so between frames
	 * @throws IOException when a frame cannot be read (the message names it)
	 */
	public TrackingResult run(FrameSource source, FaceTracker tracker, double framesPerSecond, Progress progress, BooleanSupplier cancelled)
			throws IOException {
		if (!(framesPerSecond > 0)) {
			throw new IllegalArgumentException("Frames per second must be positive, got " + framesPerSecond);
		}
		int n = source.frameCount();
		Map<Integer, List<FrameEstimate>> byId = new LinkedHashMap<>();
		long start = System.nanoTime();
		for (int f = 0; f < n; f++) {
			if (cancelled.getAsBoolean()) {
				throw new CancellationException("Tracking cancelled after " + f + " of " + n + " frames");
			}
			RgbImage image;
			try {
				image = source.frame(f);
			} catch (IOException | RuntimeException e) {
				throw new IOException("Cannot read frame " + (f + 1) + " of " + source.name() + ": " + e.getMessage(), e);
			}
			List<TrackedFace> faces = tracker.next(image, f, f / framesPerSecond);
			for (TrackedFace t : faces) {
				byId.computeIfAbsent(t.faceId(), k -> new ArrayList<>()).add(t.estimate());
			}
			progress.frameDone(f + 1, n, faces.size());
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		List<Track> raw = new ArrayList<>();
		List<Track> smoothed = new ArrayList<>();
		for (Map.Entry<Integer, List<FrameEstimate>> e : byId.entrySet()) {
			raw.add(new Track(e.getKey(), e.getValue()));
			smoothed.add(new Track(e.getKey(), smooth(e.getValue())));
		}
		return new TrackingResult(source.name(), n, framesPerSecond, raw, smoothed, smoother.name(), tracker.detections(), seconds);
	}

	/** The smoother's output with the head pose recomputed from the smoothed points. */
	List<FrameEstimate> smooth(List<FrameEstimate> track) {
		List<FrameEstimate> out = smoother.smooth(track);
		if (out.size() != track.size()) {
			throw new IllegalStateException("Smoother " + smoother.name() + " returned " + out.size() + " estimates for " + track.size());
		}
		List<FrameEstimate> posed = new ArrayList<>(out.size());
		for (FrameEstimate e : out) {
			posed.add(e.withLandmarks(e.landmarks(), poses == null ? HeadPose.UNKNOWN : poses.estimate(e.landmarks())));
		}
		return posed;
	}
}
