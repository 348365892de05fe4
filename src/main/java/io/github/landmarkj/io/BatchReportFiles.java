package io.github.landmarkj.io;

import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The two reports of a folder batch, written atomically. {@code summary.csv}:
 * {@code image,status,faces,mean_confidence} with status ok, skipped-existing or error (see
 * {@link ImageStatus}); {@code errors.csv}: {@code image,reason} for every image whose status is error.
 */
public final class BatchReportFiles {
	private BatchReportFiles() {
	}

	/** One line of the summary. */
	public record Row(String image, ImageStatus status, int faces, double meanConfidence, String reason) {
	}

	public static void writeSummary(Path file, List<Row> rows) throws IOException {
		OutputFiles.writeText(file, true, w -> {
			CSVPrinter csv = Csv.printer(w);
			csv.printRecord("image", "status", "faces", "mean_confidence");
			for (Row r : rows) {
				csv.printRecord(r.image, r.status.label(), r.faces, Double.isNaN(r.meanConfidence) ? "" : Csv.format3(r.meanConfidence));
			}
			csv.flush();
		});
	}

	public static void writeErrors(Path file, List<Row> rows) throws IOException {
		OutputFiles.writeText(file, true, w -> {
			CSVPrinter csv = Csv.printer(w);
			csv.printRecord("image", "reason");
			for (Row r : rows) {
				if (r.status == ImageStatus.ERROR) {
					csv.printRecord(r.image, r.reason);
				}
			}
			csv.flush();
		});
	}
}
