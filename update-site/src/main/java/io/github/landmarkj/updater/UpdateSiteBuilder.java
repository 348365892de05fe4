package io.github.landmarkj.updater;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds or updates a Fiji update site in a folder, as the updater's upload would: each changed file is
 * stored as {@code <path>-<timestamp>} and recorded in {@code db.xml.gz}, with the version it replaces
 * kept as a previous version. An unchanged file (same updater checksum) keeps its version, so users are
 * not offered an "update" that changes nothing.
 */
public final class UpdateSiteBuilder {
	private final Path siteDir;
	private final long timestamp;

	/**
	 * @param siteDir   the site's root folder; created if needed, and read first if it holds a site
	 * @param timestamp the time of this build, {@code yyyyMMddHHmmss}; new versions get it
	 */
	public UpdateSiteBuilder(Path siteDir, long timestamp) {
		this.siteDir = Objects.requireNonNull(siteDir, "siteDir");
		this.timestamp = UpdaterTimestamp.parse(Long.toString(timestamp));
	}

	/** Publishes exactly {@code entries}; files the site had before and that are not among them are retired. */
	public BuildResult build(List<SiteEntry> entries) throws IOException {
		Map<String, SiteEntry> byKey = byKey(entries);
		checkDependencies(byKey);
		UpdateSite before = UpdateSiteIndex.readIfPresent(siteDir);

		List<String> stored = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		Map<String, SiteFile> placed = new LinkedHashMap<>();
		for (SiteEntry entry : byKey.values()) {
			Optional<SiteFile> old = before.get(entry.key());
			Optional<CurrentVersion> offered = old.filter(file -> file.filename().equals(entry.target()))
					.flatMap(SiteFile::current);
			if (offered.isPresent() && sameContent(entry, offered.get())) {
				restoreIfMissing(entry, offered.get().timestamp());
				unchanged.add(entry.key());
				placed.put(entry.key(), old.get());
			} else {
				placed.put(entry.key(), newVersion(entry, old));
				stored.add(SiteFile.storedName(entry.target(), timestamp));
			}
		}

		List<SiteFile> files = new ArrayList<>();
		for (SiteEntry entry : byKey.values()) {
			files.add(withMetadata(entry, placed.get(entry.key()), placed));
		}
		List<String> removed = new ArrayList<>();
		for (SiteFile old : before.files()) {
			if (byKey.containsKey(old.key())) {
				continue;
			}
			if (old.current().isPresent()) {
				removed.add(old.key());
			}
			files.add(retired(old));
		}

		UpdateSite site = new UpdateSite(files);
		UpdateSiteIndex.write(site, siteDir.resolve(UpdateSiteIndex.FILE_NAME));
		return new BuildResult(site, stored, unchanged, removed);
	}

	private static Map<String, SiteEntry> byKey(List<SiteEntry> entries) throws UpdateSiteException {
		Map<String, SiteEntry> byKey = new LinkedHashMap<>();
		for (SiteEntry entry : entries) {
			SiteEntry clash = byKey.put(entry.key(), entry);
			if (clash != null) {
				throw new UpdateSiteException("The updater cannot tell " + clash.target() + " from " + entry.target()
						+ ": both are " + entry.key() + " once the version is stripped");
			}
			if (!Files.isRegularFile(entry.source())) {
				throw new UpdateSiteException("Cannot publish " + entry.target() + ": " + entry.source() + " is not a file");
			}
		}
		return byKey;
	}

	private static void checkDependencies(Map<String, SiteEntry> byKey) throws UpdateSiteException {
		for (SiteEntry entry : byKey.values()) {
			for (String dependency : entry.dependencies()) {
				String key = VersionedFilename.unversioned(dependency);
				if (key.equals(entry.key())) {
					throw new UpdateSiteException(entry.target() + " cannot depend on itself");
				}
				if (!byKey.containsKey(key)) {
					throw new UpdateSiteException(entry.target() + " depends on " + dependency
							+ ", which is not published on this site");
				}
			}
		}
	}

	/** Whether the file is what the site offers, by the updater's checksum. */
	private static boolean sameContent(SiteEntry entry, CurrentVersion version) throws IOException {
		return version.checksum().equals(UpdaterChecksum.current(entry.target(), entry.source()));
	}

	// a published site folder may have lost a stored file (e.g. a partial copy); users would get 404s
	private void restoreIfMissing(SiteEntry entry, long versionTimestamp) throws IOException {
		Path target = siteDir.resolve(SiteFile.storedName(entry.target(), versionTimestamp));
		if (!Files.exists(target)) {
			copy(entry.source(), target);
		}
	}

	private SiteFile newVersion(SiteEntry entry, Optional<SiteFile> old) throws IOException {
		List<PreviousVersion> previous = new ArrayList<>();
		List<String> links = List.of();
		List<String> authors = List.of();
		if (old.isPresent()) {
			SiteFile file = old.get();
			checkLater(entry, file);
			previous.addAll(file.previous());
			Optional<CurrentVersion> current = file.current();
			if (current.isPresent()) {
				previous.add(new PreviousVersion(file.filename(), current.get().checksum(), current.get().timestamp(),
						timestamp));
				links = current.get().links();
				authors = current.get().authors();
			}
		}
		Path target = siteDir.resolve(SiteFile.storedName(entry.target(), timestamp));
		if (Files.exists(target)) {
			throw new UpdateSiteException("Refusing to overwrite " + target + ": a stored version never changes;"
					+ " build again with a later timestamp");
		}
		copy(entry.source(), target);
		CurrentVersion version = new CurrentVersion(UpdaterChecksum.current(entry.target(), entry.source()), timestamp,
				Files.size(entry.source()), null, List.of(), links, authors);
		SiteFile base = old.orElseGet(() -> new SiteFile(entry.target(), null, List.of()));
		return base.with(entry.target(), version, previous);
	}

	// the updater orders versions by timestamp: a new version dated before an old one would never be offered
	private void checkLater(SiteEntry entry, SiteFile old) throws UpdateSiteException {
		long latest = old.current().map(CurrentVersion::timestamp).orElse(0L);
		for (PreviousVersion version : old.previous()) {
			latest = Math.max(latest, version.timestamp());
		}
		if (timestamp <= latest) {
			throw new UpdateSiteException("Cannot publish a new version of " + entry.target() + " dated " + timestamp
					+ ": the site already has one dated " + latest);
		}
	}

	/**
	 * The record with this build's dependencies, description and platforms; the version itself is settled.
	 * The entry's platforms replace the record's: an empty list is a statement too ("for all").
	 */
	private static SiteFile withMetadata(SiteEntry entry, SiteFile file, Map<String, SiteFile> placed) {
		CurrentVersion version = file.current().orElseThrow();
		List<Dependency> dependencies = new ArrayList<>();
		for (String dependency : entry.dependencies()) {
			SiteFile needed = placed.get(VersionedFilename.unversioned(dependency));
			dependencies.add(dependency(needed, version.dependencies()));
		}
		String description = entry.description().orElse(version.description().orElse(null));
		return file.with(file.filename(), version.withMetadata(description, dependencies), file.previous())
				.withPlatforms(entry.platforms());
	}

	// an unchanged dependency keeps its recorded timestamp, so that an unchanged site writes the same index
	private static Dependency dependency(SiteFile needed, List<Dependency> recorded) {
		for (Dependency old : recorded) {
			if (old.filename().equals(needed.filename()) && !old.overrides()) {
				return old;
			}
		}
		return new Dependency(needed.filename(), needed.current().orElseThrow().timestamp(), false);
	}

	private SiteFile retired(SiteFile old) {
		Optional<CurrentVersion> current = old.current();
		if (current.isEmpty()) {
			return old;
		}
		List<PreviousVersion> previous = new ArrayList<>(old.previous());
		previous.add(new PreviousVersion(old.filename(), current.get().checksum(), current.get().timestamp(), timestamp));
		return old.with(old.filename(), null, previous);
	}

	private static void copy(Path source, Path target) throws IOException {
		Files.createDirectories(target.getParent());
		Files.copy(source, target);
	}
}
