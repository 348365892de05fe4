package io.github.landmarkj.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Counts of a finished (or cancelled) batch and where its reports are. */
public final class BatchSummary {
	private final int processed;
	private final int skippedExisting;
	private final int failed;
	private final int faces;
	private final boolean cancelled;
	private final Path summaryCsv;
	private final Path errorsCsv;
	private final List<String> problems;

	BatchSummary(int processed, int skippedExisting, int failed, int faces, boolean cancelled, Path summaryCsv, Path errorsCsv,
			List<String> problems) {
		this.processed = processed;
		this.skippedExisting = skippedExisting;
		this.failed = failed;
		this.faces = faces;
		this.cancelled = cancelled;
		this.summaryCsv = summaryCsv;
		this.errorsCsv = errorsCsv;
		this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
	}

	/** What went wrong beside single images: box-file rows that matched no image, workers that stopped. */
	public List<String> problems() {
		return problems;
	}

	public int processed() {
		return processed;
	}

	public int skippedExisting() {
		return skippedExisting;
	}

	public int failed() {
		return failed;
	}

	public int faces() {
		return faces;
	}

	public boolean cancelled() {
		return cancelled;
	}

	public Path summaryCsv() {
		return summaryCsv;
	}

	public Path errorsCsv() {
		return errorsCsv;
	}

	@Override
	public String toString() {
		return processed + " image(s) processed, " + faces + " face(s), " + skippedExisting + " skipped (outputs exist), "
				+ failed + " failed" + (failed > 0 ? " (see " + errorsCsv + ")" : "") + (cancelled ? ", cancelled" : "")
				+ (problems.isEmpty() ? "" : ", " + problems.size() + " warning(s)");
	}
}
