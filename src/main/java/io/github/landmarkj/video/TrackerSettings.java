package io.github.landmarkj.video;

import java.util.Locale;

/**
 * How faces are followed: the detector runs on the first frame, every {@code detectEvery} frames and on
 * the frame after a face's confidence fell below {@code minConfidence}; a frame's landmarks count as a
 * success when their mean confidence reaches {@code minConfidence}; a face whose landmarks fail on more
 * than {@code maxFailedFrames} frames in a row, or that the detector no longer finds while failing, ends
 * its track; a detection overlapping a track's region by at least {@code matchIou} (intersection over
 * union) belongs to that track; two tracks overlapping by more than {@code duplicateIou} are one face
 * (the older identity stays). Immutable.
 */
public record TrackerSettings(int detectEvery, double minConfidence, int maxFailedFrames, double matchIou, double duplicateIou) {
	public TrackerSettings {
		if (detectEvery < 1) {
			throw new IllegalArgumentException("The detector must run at least every frame (detect every >= 1), got " + detectEvery);
		}
		if (!(minConfidence >= 0 && minConfidence < 1)) {
			throw new IllegalArgumentException("The minimum confidence must be in [0, 1), got " + minConfidence);
		}
		if (maxFailedFrames < 0 || !(matchIou > 0 && matchIou < 1) || !(duplicateIou > 0 && duplicateIou < 1)) {
			throw new IllegalArgumentException(String.format(Locale.ROOT, "Bad tracker setting: failed frames %d, match IoU %s, duplicate IoU %s",
					maxFailedFrames, matchIou, duplicateIou));
		}
	}

	/** Detector every 10 frames, success at mean confidence 0.2, 5 failed frames end a track, IoU 0.3 to match, 0.5 for duplicates. */
	public static TrackerSettings defaults() {
		return new TrackerSettings(10, 0.2, 5, 0.3, 0.5);
	}

	public TrackerSettings withDetectEvery(int every) {
		return new TrackerSettings(every, minConfidence, maxFailedFrames, matchIou, duplicateIou);
	}

	public TrackerSettings withMinConfidence(double confidence) {
		return new TrackerSettings(detectEvery, confidence, maxFailedFrames, matchIou, duplicateIou);
	}
}
