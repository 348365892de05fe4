package io.github.landmarkj.updater;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code <plugin>} record of an update site: a file the updater installs at {@link #filename()} in
 * the Fiji directory, its current version (none once the file was removed from the site) and the
 * versions before it.
 */
public final class SiteFile {
	private final String filename;
	private final boolean executable;
	private final List<String> platforms;
	private final List<String> categories;
	private final CurrentVersion current;
	private final List<PreviousVersion> previous;

	/**
	 * @param filename   the path in the Fiji directory, version included ({@code jars/api-0.35.1.jar})
	 * @param executable whether the updater marks the installed file executable
	 * @param platforms  the updater's platform names the file is for; empty for all
	 * @param categories the updater's categories
	 * @param current    the version offered now, or {@code null} for a file removed from the site
	 * @param previous   older versions, oldest first
	 */
	public SiteFile(String filename, boolean executable, List<String> platforms, List<String> categories,
			CurrentVersion current, List<PreviousVersion> previous) {
		this.filename = Dependency.requireText(filename, "A site file needs a file name");
		this.executable = executable;
		this.platforms = List.copyOf(platforms);
		this.categories = List.copyOf(categories);
		this.current = current;
		this.previous = List.copyOf(previous);
	}

	public SiteFile(String filename, CurrentVersion current, List<PreviousVersion> previous) {
		this(filename, false, List.of(), List.of(), current, previous);
	}

	/** The updater's identity for this file: its path without version ({@code jars/api.jar}). */
	public String key() {
		return VersionedFilename.unversioned(filename);
	}

	public String filename() {
		return filename;
	}

	public boolean executable() {
		return executable;
	}

	public List<String> platforms() {
		return platforms;
	}

	public List<String> categories() {
		return categories;
	}

	public Optional<CurrentVersion> current() {
		return Optional.ofNullable(current);
	}

	public List<PreviousVersion> previous() {
		return previous;
	}

	/**
	 * Where the current version is stored on the site, relative to the site's root: the updater
	 * downloads {@code <filename>-<timestamp>}.
	 */
	public Optional<String> storedName() {
		return current().map(v -> storedName(filename, v.timestamp()));
	}

	static String storedName(String filename, long timestamp) {
		return filename + "-" + timestamp;
	}

	/** This record with another current version and history; platforms, categories and flags stay. */
	public SiteFile with(String newFilename, CurrentVersion newCurrent, List<PreviousVersion> newPrevious) {
		return new SiteFile(newFilename, executable, platforms, categories, newCurrent, newPrevious);
	}

	/** This record for other platforms (empty for all); everything else stays. */
	public SiteFile withPlatforms(List<String> newPlatforms) {
		return new SiteFile(filename, executable, newPlatforms, categories, current, previous);
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof SiteFile)) {
			return false;
		}
		SiteFile f = (SiteFile) o;
		return filename.equals(f.filename) && executable == f.executable && platforms.equals(f.platforms)
				&& categories.equals(f.categories) && Objects.equals(current, f.current) && previous.equals(f.previous);
	}

	@Override
	public int hashCode() {
		return Objects.hash(filename, executable, platforms, categories, current, previous);
	}

	@Override
	public String toString() {
		return "SiteFile(" + filename + ", " + current + ", " + previous.size() + " previous)";
	}
}
