package io.github.landmarkj.updater;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an update site's {@code db.xml.gz} says: every file the site offers or once offered, by the
 * updater's key (the path without version). Immutable.
 */
public final class UpdateSite {
	private static final UpdateSite EMPTY = new UpdateSite(List.of());

	// sorted by key so that an unchanged site writes a byte-identical index
	private final TreeMap<String, SiteFile> files = new TreeMap<>();

	public UpdateSite(Collection<SiteFile> files) {
		for (SiteFile file : files) {
			SiteFile clash = this.files.put(file.key(), file);
			if (clash != null) {
				throw new IllegalArgumentException("The updater cannot tell " + clash.filename() + " from "
						+ file.filename() + ": both are " + file.key() + " once the version is stripped");
			}
		}
	}

	public static UpdateSite empty() {
		return EMPTY;
	}

	/** The record for a path, with or without version. */
	public Optional<SiteFile> get(String path) {
		return Optional.ofNullable(files.get(VersionedFilename.unversioned(path)));
	}

	/** All records, ordered by key. */
	public Collection<SiteFile> files() {
		return Collections.unmodifiableCollection(files.values());
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof UpdateSite && files.equals(((UpdateSite) o).files);
	}

	@Override
	public int hashCode() {
		return files.hashCode();
	}

	@Override
	public String toString() {
		return "UpdateSite" + files.values();
	}
}
