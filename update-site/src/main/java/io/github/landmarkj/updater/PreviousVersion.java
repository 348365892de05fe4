package io.github.landmarkj.updater;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code <previous-version>}: a version the site once offered. The updater keeps them so that it can
 * tell an old installed copy ("update available") from a locally modified one.
 */
public final class PreviousVersion {
	private final String filename;
	private final String checksum;
	private final long timestamp;
	private final long timestampObsolete;

	/**
	 * @param filename          the published path of that version, or {@code null} when it had the
	 *                          file's current path (old indexes omit it then)
	 * @param checksum          its updater checksum
	 * @param timestamp         when it was published; it is stored as {@code <filename>-<timestamp>}
	 * @param timestampObsolete when a newer version replaced it, 0 if unknown
	 */
	public PreviousVersion(String filename, String checksum, long timestamp, long timestampObsolete) {
		this.filename = filename == null || filename.isEmpty() ? null : filename;
		this.checksum = Dependency.requireText(checksum, "A previous version needs a checksum");
		this.timestamp = timestamp;
		this.timestampObsolete = timestampObsolete;
	}

	public Optional<String> filename() {
		return Optional.ofNullable(filename);
	}

	public String checksum() {
		return checksum;
	}

	public long timestamp() {
		return timestamp;
	}

	public long timestampObsolete() {
		return timestampObsolete;
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof PreviousVersion)) {
			return false;
		}
		PreviousVersion p = (PreviousVersion) o;
		return Objects.equals(filename, p.filename) && checksum.equals(p.checksum) && timestamp == p.timestamp
				&& timestampObsolete == p.timestampObsolete;
	}

	@Override
	public int hashCode() {
		return Objects.hash(filename, checksum, timestamp, timestampObsolete);
	}

	@Override
	public String toString() {
		return "PreviousVersion(" + filename + ", " + checksum + ", " + timestamp + ", obsolete " + timestampObsolete + ")";
	}
}
