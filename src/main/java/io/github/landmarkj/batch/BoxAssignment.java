package io.github.landmarkj.batch;

import io.github.landmarkj.core.FaceBox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which rows of a box file belong to which image of a batch. A row's {@code image} matches an image by
 * its file name, its path relative to the input folder, or its absolute path. Rows that match no image are
 * kept with a reason (a hint when only the letter case or the folder differs), so that a typo does not
 * silently send the image to the face detector.
 */
final class BoxAssignment {
	private final Map<Path, List<FaceBox>> byFile;
	private final List<String> unmatched;

	private BoxAssignment(Map<Path, List<FaceBox>> byFile, List<String> unmatched) {
		this.byFile = byFile;
		this.unmatched = unmatched;
	}

	static BoxAssignment of(Map<String, List<FaceBox>> rows, List<Path> files, Path inputFolder) {
		Map<String, String> rowByName = new HashMap<>();
		for (String name : rows.keySet()) {
			rowByName.putIfAbsent(normalised(name), name);
		}
		Map<Path, List<FaceBox>> byFile = new HashMap<>();
		Set<String> used = new HashSet<>();
		Map<String, Path> folded = new HashMap<>();
		for (Path f : files) {
			String relative = inputFolder.relativize(f).toString().replace('\\', '/');
			String fileName = f.getFileName().toString();
			folded.putIfAbsent(relative.toLowerCase(Locale.ROOT), f);
			folded.putIfAbsent(fileName.toLowerCase(Locale.ROOT), f);
			for (String key : new String[] {relative, fileName, normalised(f.toAbsolutePath().normalize().toString())}) {
				String row = rowByName.get(key);
				if (row != null) {
					byFile.put(f, rows.get(row));
					used.add(row);
					break;
				}
			}
		}
		List<String> unmatched = new ArrayList<>();
		for (Map.Entry<String, List<FaceBox>> row : rows.entrySet()) {
			if (used.contains(row.getKey())) {
				continue;
			}
			String name = normalised(row.getKey());
			Path near = folded.get(name.toLowerCase(Locale.ROOT));
			if (near == null) {
				near = folded.get(name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
			}
			unmatched.add("Box-file rows for '" + row.getKey() + "' (" + row.getValue().size() + " box(es)) match no image of this batch"
					+ (near != null ? "; did you mean '" + inputFolder.relativize(near).toString().replace('\\', '/') + "'?" : "")
					+ " Give the image's file name or its path relative to the input folder.");
		}
		return new BoxAssignment(byFile, Collections.unmodifiableList(unmatched));
	}

	/** The boxes of {@code file}, or null when the box file has none for it. */
	List<FaceBox> boxesOf(Path file) {
		return byFile.get(file);
	}

	/** One message per image name of the box file that matched no image. */
	List<String> unmatched() {
		return unmatched;
	}

	private static String normalised(String name) {
		String n = name.replace('\\', '/');
		return n.startsWith("./") ? n.substring(2) : n;
	}

	static Map<String, List<FaceBox>> none() {
		return new LinkedHashMap<>();
	}
}
