package io.github.landmarkj.updater;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A file to publish on the update site: where the updater installs it, where it comes from, what it needs,
 * and which platforms it is for.
 */
public final class SiteEntry {
	private final String target;
	private final Path source;
	private final List<String> dependencies;
	private final String description;
	private final List<String> platforms;

	/**
	 * @param target       the path in the Fiji directory, forward slashes, version included
	 *                     (e.g. {@code jars/api-0.35.1.jar})
	 * @param source       the file to publish
	 * @param dependencies targets of other entries of the same site that this file needs
	 * @param description  shown by the updater, or {@code null} to keep the one the site has
	 * @param platforms    the updater's platform names ({@link UpdaterPlatforms}) of the Fiji installations
	 *                     that install this file; empty for all. A file in a platform's folder
	 *                     ({@code jars/linux64/...}) must list that platform.
	 */
	public SiteEntry(String target, Path source, List<String> dependencies, String description, List<String> platforms) {
		this.target = checkTarget(target);
		this.source = Objects.requireNonNull(source, "source");
		this.dependencies = List.copyOf(dependencies);
		this.description = description;
		this.platforms = checkPlatforms(this.target, platforms);
	}

	public SiteEntry(String target, Path source, List<String> dependencies, String description) {
		this(target, source, dependencies, description, List.of());
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

	private static List<String> checkPlatforms(String target, List<String> platforms) {
		List<String> checked = List.copyOf(platforms);
		for (String platform : checked) {
			if (!UpdaterPlatforms.isKnown(platform)) {
				throw new IllegalArgumentException("Unknown updater platform '" + platform + "' for " + target
						+ "; the updater knows " + UpdaterPlatforms.known());
			}
		}
		if (new HashSet<>(checked).size() != checked.size()) {
			throw new IllegalArgumentException("Platforms listed twice for " + target + ": " + checked);
		}
		// the updater's own upload would label the file with its folder's platform; a record saying
		// otherwise would offer, say, a jars/win64/ file to Linux
		Optional<String> folder = UpdaterPlatforms.ofFolder(target);
		if (folder.isPresent() && !checked.contains(folder.get())) {
			throw new IllegalArgumentException(target + " is in the folder of platform " + folder.get()
					+ ", so it must be for that platform, not " + (checked.isEmpty() ? "all" : checked));
		}
		return checked;
	}

	/** This entry for the given platforms; empty for all. */
	public SiteEntry withPlatforms(List<String> newPlatforms) {
		return new SiteEntry(target, source, dependencies, description, newPlatforms);
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

	/** The updater's platforms this file is for; empty for all. */
	public List<String> platforms() {
		return platforms;
	}

	/** The updater's key for the target: the path without version. */
	public String key() {
		return VersionedFilename.unversioned(target);
	}

	@Override
	public String toString() {
		return target + " <- " + source + (platforms.isEmpty() ? "" : " " + platforms);
	}
}
