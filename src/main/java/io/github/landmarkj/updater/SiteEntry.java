package io.github.landmarkj.updater;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A file to publish on the update site: where the updater installs it, where it comes from, what it needs. */
public final class SiteEntry {
	private final String target;
	private final Path source;
	private final List<String> dependencies;
	private final String description;

	/**
	 * @param target       the path in the Fiji directory, forward slashes, version included
	 *                     (e.g. {@code jars/api-0.35.1.jar})
	 * @param source       the file to publish
	 * @param dependencies targets of other entries of the same site that this file needs
	 * @param description  shown by the updater, or {@code null} to keep the one the site has
	 */
	public SiteEntry(String target, Path source, List<String> dependencies, String description) {
		this.target = checkTarget(target);
		this.source = Objects.requireNonNull(source, "source");
		this.dependencies = List.copyOf(dependencies);
		this.description = description;
	}

	public SiteEntry(String target, Path source, List<String> dependencies) {
		this(target, source, dependencies, null);
	}

	private static String checkTarget(String target) {
		Dependency.requireText(target, "A site entry needs a target path");
		if (target.startsWith("/") || target.contains("\\") || target.endsWith("/")) {
			throw new IllegalArgumentException("A target is a relative file path with forward slashes, got " + target);
		}
		for (String part : target.split("/", -1)) {
			if (part.isEmpty() || part.equals(".") || part.equals("..")) {
				throw new IllegalArgumentException("A target must stay inside the Fiji directory, got " + target);
			}
		}
		return target;
	}

	public String target() {
		return target;
	}

	public Path source() {
		return source;
	}

	public List<String> dependencies() {
		return dependencies;
	}

	public Optional<String> description() {
		return Optional.ofNullable(description);
	}

	/** The updater's key for the target: the path without version. */
	public String key() {
		return VersionedFilename.unversioned(target);
	}

	@Override
	public String toString() {
		return target + " <- " + source;
	}
}
