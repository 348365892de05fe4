package io.github.landmarkj.updater;

import java.util.List;

/** What a build of the update site did, for the build log and for tests. */
public final class BuildResult {
	private final UpdateSite site;
	private final List<String> stored;
	private final List<String> unchanged;
	private final List<String> removed;

	BuildResult(UpdateSite site, List<String> stored, List<String> unchanged, List<String> removed) {
		this.site = site;
		this.stored = List.copyOf(stored);
		this.unchanged = List.copyOf(unchanged);
		this.removed = List.copyOf(removed);
	}

	/** The site as now written to {@code db.xml.gz}. */
	public UpdateSite site() {
		return site;
	}

	/** Files copied into the site by this build, as {@code <path>-<timestamp>} relative to its root. */
	public List<String> stored() {
		return stored;
	}

	/** Keys whose current version was kept because the file has not changed. */
	public List<String> unchanged() {
		return unchanged;
	}

	/** Keys the site offered before but not any more: their last version is now a previous version. */
	public List<String> removed() {
		return removed;
	}
}
