package io.github.landmarkj.updater;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code <version>} the site offers now for a file, with the metadata the updater attaches to it. */
public final class CurrentVersion {
	private final String checksum;
	private final long timestamp;
	private final long filesize;
	private final String description;
	private final List<Dependency> dependencies;
	private final List<String> links;
	private final List<String> authors;

	/**
	 * @param checksum     the updater checksum ({@link UpdaterChecksum#current})
	 * @param timestamp    when this version was published, {@code yyyyMMddHHmmss}
	 * @param filesize     size of the stored file in bytes
	 * @param description  free text, or {@code null}
	 * @param dependencies files the updater installs along with this one
	 * @param links        web pages about the file
	 * @param authors      the file's authors
	 */
	public CurrentVersion(String checksum, long timestamp, long filesize, String description,
			List<Dependency> dependencies, List<String> links, List<String> authors) {
		this.checksum = Dependency.requireText(checksum, "A version needs a checksum");
		if (filesize < 0) {
			throw new IllegalArgumentException("A file size cannot be negative, got " + filesize);
		}
		this.timestamp = timestamp;
		this.filesize = filesize;
		this.description = description == null || description.isEmpty() ? null : description;
		this.dependencies = List.copyOf(dependencies);
		this.links = List.copyOf(links);
		this.authors = List.copyOf(authors);
	}

	public CurrentVersion(String checksum, long timestamp, long filesize) {
		this(checksum, timestamp, filesize, null, List.of(), List.of(), List.of());
	}

	public String checksum() {
		return checksum;
	}

	public long timestamp() {
		return timestamp;
	}

	public long filesize() {
		return filesize;
	}

	public Optional<String> description() {
		return Optional.ofNullable(description);
	}

	public List<Dependency> dependencies() {
		return dependencies;
	}

	public List<String> links() {
		return links;
	}

	public List<String> authors() {
		return authors;
	}

	/** This version with other metadata; checksum, timestamp and size stay. */
	public CurrentVersion withMetadata(String newDescription, List<Dependency> newDependencies) {
		return new CurrentVersion(checksum, timestamp, filesize, newDescription, newDependencies, links, authors);
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof CurrentVersion)) {
			return false;
		}
		CurrentVersion v = (CurrentVersion) o;
		return checksum.equals(v.checksum) && timestamp == v.timestamp && filesize == v.filesize
				&& Objects.equals(description, v.description) && dependencies.equals(v.dependencies)
				&& links.equals(v.links) && authors.equals(v.authors);
	}

	@Override
	public int hashCode() {
		return Objects.hash(checksum, timestamp, filesize, description, dependencies, links, authors);
	}

	@Override
	public String toString() {
		return "CurrentVersion(" + checksum + ", " + timestamp + ", " + filesize + " bytes, " + dependencies + ")";
	}
}
