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
			String image = image(table, row);
			FaceBox box = box(table, row, hasScore);
			Integer earlier = seen.putIfAbsent(Arrays.asList(image, box.x, box.y, box.width, box.height), row.line);
			if (earlier != null) {
				throw row.error("repeats the box of line " + earlier + " for " + image + " (the same face twice): remove one of the two rows");
			}
			boxes.computeIfAbsent(image, k -> new ArrayList<>()).add(box);
		}
		return unmodifiable(boxes);
	}

	/** A row's image file name; an empty one is refused. */
	static String image(CsvTable table, CsvTable.Row row) throws MalformedFileException {
		String image = table.text(row, "image");
		if (image.isEmpty()) {
			throw row.error("the image name is empty");
		}
		return image;
	}

	/**
	 * A row's box ({@code x, y, width, height}, pixels, 0-based top-left corner), with the row's {@code score} when
	 * {@code withScore}, else score 1; an empty box is refused.
	 */
	static FaceBox box(CsvTable table, CsvTable.Row row, boolean withScore) throws MalformedFileException {
		double x = table.number(row, "x");
		double y = table.number(row, "y");
		double width = table.number(row, "width");
		double height = table.number(row, "height");
		double score = withScore ? table.number(row, "score") : 1.0;
		if (!(width > 0) || !(height > 0)) {
			throw row.error("width and height must be positive, got " + width + " x " + height);
		}
		return new FaceBox(x, y, width, height, score);
	}

	/** Entries per image, lists and map unmodifiable, in the map's order. */
	static <T> Map<String, List<T>> unmodifiable(Map<String, List<T>> byImage) {
		Map<String, List<T>> result = new LinkedHashMap<>();
		for (Map.Entry<String, List<T>> e : byImage.entrySet()) {
			result.put(e.getKey(), Collections.unmodifiableList(e.getValue()));
		}
		return Collections.unmodifiableMap(result);
	}
}
