package io.github.landmarkj.updater;

import java.util.Objects;

/**
 * A {@code <dependency>} of a file's current version: installing the file makes the updater install
 * {@code filename} too.
 */
public final class Dependency {
	private final String filename;
	private final long timestamp;
	private final boolean overrides;

	/**
	 * @param filename  the dependency's path as published, version included (e.g. {@code jars/api-0.35.1.jar})
	 * @param timestamp when the dependency was recorded, {@code yyyyMMddHHmmss}
	 * @param overrides whether this file replaces the dependency rather than needing it
	 */
	public Dependency(String filename, long timestamp, boolean overrides) {
		this.filename = requireText(filename, "A dependency needs a file name");
		this.timestamp = timestamp;
		this.overrides = overrides;
	}

	public String filename() {
		return filename;
	}

	public long timestamp() {
		return timestamp;
	}

	public boolean overrides() {
		return overrides;
	}

	static String requireText(String value, String message) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(message);
		}
		return value;
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof Dependency)) {
			return false;
		}
		Dependency d = (Dependency) o;
		return filename.equals(d.filename) && timestamp == d.timestamp && overrides == d.overrides;
	}

	@Override
	public int hashCode() {
		return Objects.hash(filename, timestamp, overrides);
	}

	@Override
	public String toString() {
		return "Dependency(" + filename + ", " + timestamp + (overrides ? ", overrides" : "") + ")";
	}
}
