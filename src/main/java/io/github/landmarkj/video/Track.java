package io.github.landmarkj.video;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One face over time: its identity ({@code face_id}, from 1) and its estimates in frame order. Immutable. */
public final class Track {
	public final int faceId;
	private final List<FrameEstimate> frames;

	public Track(int faceId, List<FrameEstimate> frames) {
		if (faceId < 1) {
			throw new IllegalArgumentException("Face ids start at 1, got " + faceId);
		}
		for (int i = 1; i < frames.size(); i++) {
			if (frames.get(i).frame() <= frames.get(i - 1).frame()) {
				throw new IllegalArgumentException("A track's frames must be in increasing order");
			}
		}
		this.faceId = faceId;
		this.frames = Collections.unmodifiableList(new ArrayList<>(frames));
	}

	public List<FrameEstimate> frames() {
		return frames;
	}

	public int firstFrame() {
		return frames.get(0).frame();
	}

	public int lastFrame() {
		return frames.get(frames.size() - 1).frame();
	}

	/** The estimate for {@code frame}, or null when the track has none there. */
	public FrameEstimate at(int frame) {
		int lo = 0, hi = frames.size() - 1;
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			int f = frames.get(mid).frame();
			if (f == frame) {
				return frames.get(mid);
			}
			if (f < frame) {
				lo = mid + 1;
			} else {
				hi = mid - 1;
			}
		}
		return null;
	}
}
