package io.github.landmarkj.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.landmarkj.core.FaceBox;

/**
 * Face boxes given by the user instead of a face detector: a CSV with the header
 * {@code image,x,y,width,height}, one row per face, {@code image} the image's file name and the box in
 * pixels with a 0-based top-left corner. An optional {@code score} column is read when present;
 * otherwise boxes get score 1. A row that repeats another row's image and box is refused (the same face
 * twice, its results written twice): the message names both lines. A byte-order mark and Windows line
 * ends are read as any other file.
 */
public final class BoxFile {
	private BoxFile() {
	}

	/** Boxes per image file name, in the order the images first appear in the file. */
	public static Map<String, List<FaceBox>> read(Path file) throws IOException {
		CsvTable table = CsvTable.read(file, Arrays.asList("image", "x", "y", "width", "height"));
		boolean hasScore = table.hasColumn("score");
		Map<String, List<FaceBox>> boxes = new LinkedHashMap<>();
		Map<List<Object>, Integer> seen = new java.util.HashMap<>();
		for (CsvTable.Row row : table.rows()) {
			String image = table.text(row, "image");
			if (image.isEmpty()) {
				throw row.error("the image name is empty");
			}
			double x = table.number(row, "x");
			double y = table.number(row, "y");
			double width = table.number(row, "width");
			double height = table.number(row, "height");
			double score = hasScore ? table.number(row, "score") : 1.0;
			if (!(width > 0) || !(height > 0)) {
				throw row.error("width and height must be positive, got " + width + " x " + height);
			}
			Integer earlier = seen.putIfAbsent(Arrays.asList(image, x, y, width, height), row.line);
			if (earlier != null) {
				throw row.error("repeats the box of line " + earlier + " for " + image + " (the same face twice): remove one of the two rows");
			}
			boxes.computeIfAbsent(image, k -> new ArrayList<>()).add(new FaceBox(x, y, width, height, score));
		}
		Map<String, List<FaceBox>> result = new LinkedHashMap<>();
		for (Map.Entry<String, List<FaceBox>> e : boxes.entrySet()) {
			result.put(e.getKey(), Collections.unmodifiableList(e.getValue()));
		}
		return Collections.unmodifiableMap(result);
	}
}
