package io.github.landmarkj.video;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The tracks of one video, raw and smoothed, with what it took. Immutable. */
public final class TrackingResult {
	public final String source;
	public final int frameCount;
	public final double framesPerSecond;
	/** The smoother's name ({@code none}, {@code filter}, {@code learned}). */
	public final String smoothing;
	/** Frames the face detector ran on. */
	public final int detectorFrames;
	/** Wall-clock seconds of reading and tracking (not smoothing). */
	public final double seconds;
	private final List<Track> raw;
	private final List<Track> tracks;

	public TrackingResult(String source, int frameCount, double framesPerSecond, List<Track> raw, List<Track> tracks, String smoothing,
			int detectorFrames, double seconds) {
		this.source = source;
		this.frameCount = frameCount;
		this.framesPerSecond = framesPerSecond;
		this.raw = Collections.unmodifiableList(new ArrayList<>(raw));
		this.tracks = Collections.unmodifiableList(new ArrayList<>(tracks));
		this.smoothing = smoothing;
		this.detectorFrames = detectorFrames;
		this.seconds = seconds;
	}

	/** The smoothed tracks, by face id. */
	public List<Track> tracks() {
		return tracks;
	}

	/** The per-frame estimates before smoothing, by face id. */
	public List<Track> rawTracks() {
		return raw;
	}

	/** Frames tracked per second of wall-clock time. */
	public double trackingFramesPerSecond() {
		return seconds > 0 ? frameCount / seconds : Double.NaN;
	}
}
