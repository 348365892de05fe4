package io.github.landmarkj.io;

import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The two reports of a folder batch. They describe one run and are rewritten by every run, unlike the
 * per-image outputs, which are never replaced without permission.
 * {@code summary.csv}: {@code image,status,faces,mean_confidence} with status ok, skipped-existing or
 * error; {@code errors.csv}: {@code image,reason}.
 */
public final class BatchReportFiles {
	private BatchReportFiles() {
	}

	/** One line of the summary. */
	public static final class Row {
		public final String image;
		public final String status;
		public final int faces;
		public final double meanConfidence;
		public final String reason;

		public Row(String image, String status, int faces, double meanConfidence, String reason) {
			this.image = image;
			this.status = status;
			this.faces = faces;
			this.meanConfidence = meanConfidence;
			this.reason = reason;
		}
	}

	public static void writeSummary(Path file, List<Row> rows) throws IOException {
		try (BufferedWriter w = OutputFiles.openWriter(file, true)) {
			CSVPrinter csv = Csv.printer(w);
			csv.printRecord("image", "status", "faces", "mean_confidence");
			for (Row r : rows) {
				csv.printRecord(r.image, r.status, r.faces, Double.isNaN(r.meanConfidence) ? "" : Csv.format3(r.meanConfidence));
			}
			csv.flush();
		}
	}

	public static void writeErrors(Path file, List<Row> rows) throws IOException {
		try (BufferedWriter w = OutputFiles.openWriter(file, true)) {
			CSVPrinter csv = Csv.printer(w);
			csv.printRecord("image", "reason");
			for (Row r : rows) {
				if ("error".equals(r.status)) {
					csv.printRecord(r.image, r.reason);
				}
			}
			csv.flush();
		}
	}
}
