package io.github.landmarkj.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts of a finished (or cancelled) batch and where its reports are.
 *
 * @param problems what went wrong beside single images: box-file rows that matched no image, workers that stopped
 */
public record BatchSummary(int processed, int skippedExisting, int failed, int faces, boolean cancelled, Path summaryCsv, Path errorsCsv,
		List<String> problems) {
	public BatchSummary {
		problems = Collections.unmodifiableList(new ArrayList<>(problems));
	}

	@Override
	public String toString() {
		return processed + " image(s) processed, " + faces + " face(s), " + skippedExisting + " skipped (outputs exist), "
				+ failed + " failed" + (failed > 0 ? " (see " + errorsCsv + ")" : "") + (cancelled ? ", cancelled" : "")
				+ (problems.isEmpty() ? "" : ", " + problems.size() + " warning(s)");
	}
}
