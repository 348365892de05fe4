package io.github.landmarkj.io;

import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;

/**
 * A simple point file for one face: a header {@code x,y} (optionally {@code x,y,occluded}), then one row
 * per point in the scheme's order with 0-based pixel coordinates and, when present, 0/1 occluded flags.
 * Meant for users annotating their own images in a spreadsheet or another tool.
 */
public final class PointCsvFormat {
	private PointCsvFormat() {
	}

	/** The points of {@code file}, with confidence 1 and the file's occluded flags (false when absent). */
	public static Landmarks read(Path file) throws IOException {
		CsvTable table = CsvTable.read(file, Arrays.asList("x", "y"));
		boolean hasOccluded = table.hasColumn("occluded");
		List<Point2> points = new ArrayList<>();
		boolean[] occluded = new boolean[table.rows().size()];
		for (CsvTable.Row row : table.rows()) {
			occluded[points.size()] = hasOccluded && table.flag(row, "occluded");
			points.add(new Point2(table.number(row, "x"), table.number(row, "y")));
		}
		if (points.isEmpty()) {
			throw new MalformedFileException(file, 0, "the file has a header but no points");
		}
		return Landmarks.of(points).withOccluded(occluded);
	}

	/** Writes {@code x,y,occluded} rows; keeps an existing file, and throws, unless {@code overwrite}. */
	public static void write(Path file, List<Point2> points, boolean[] occluded, boolean overwrite) throws IOException {
		if (occluded.length != points.size()) {
			throw new IllegalArgumentException(points.size() + " points but " + occluded.length + " occluded flags");
		}
		OutputFiles.writeText(file, overwrite, w -> {
			CSVPrinter csv = Csv.printer(w);
			csv.printRecord("x", "y", "occluded");
			for (int i = 0; i < points.size(); i++) {
				Point2 p = points.get(i);
				csv.printRecord(Csv.format3(p.x), Csv.format3(p.y), occluded[i] ? 1 : 0);
			}
			csv.flush();
		});
	}
}
