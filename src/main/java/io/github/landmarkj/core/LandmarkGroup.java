package io.github.landmarkj.core;

/**
 * A facial part: a run of landmark indices drawn as one outline. "Global" parts (the jaw line) carry
 * the face's outer contour; "local" parts (brows, nose, eyes, lips) the inner features.
 */
public final class LandmarkGroup {
	public final String name;
	public final int first; // 0-based, inclusive
	public final int last; // 0-based, inclusive
	public final boolean global;
	public final boolean closed;

	public LandmarkGroup(String name, int first, int last, boolean global, boolean closed) {
		if (first < 0 || last < first) {
			throw new IllegalArgumentException("Bad index range " + first + ".." + last + " for group " + name);
		}
		this.name = name;
		this.first = first;
		this.last = last;
		this.global = global;
		this.closed = closed;
	}

	public int size() {
		return last - first + 1;
	}

	public boolean contains(int index) {
		return index >= first && index <= last;
	}
}
