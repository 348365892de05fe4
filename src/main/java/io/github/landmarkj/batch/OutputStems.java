package io.github.landmarkj.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The name each image's outputs start with. Normally the file name without its extension ({@code a.jpg}
 * gives {@code a.csv}, {@code a.pts}, ...). When two images of one folder would write the same files, both
 * use their whole file name instead ({@code x.jpg} and {@code x.png} give {@code x.jpg.csv} and
 * {@code x.png.csv}). Names clash when their stems are equal ignoring letter case (as on Windows and
 * macOS), or when one stem is the other plus {@code _<number>} (the {@code .pts} of face k of {@code a.jpg}
 * is {@code a_k.pts}, which is also the {@code .pts} of {@code a_k.jpg}). The choice depends only on the
 * batch's list of images, so it is the same in every run over the same images.
 */
final class OutputStems {
	private OutputStems() {
	}

	static Map<Path, String> assign(List<Path> files) {
		Map<Path, List<Path>> byFolder = new LinkedHashMap<>();
		for (Path f : files) {
			byFolder.computeIfAbsent(f.toAbsolutePath().getParent(), k -> new ArrayList<>()).add(f);
		}
		Map<Path, String> stems = new HashMap<>();
		for (List<Path> folder : byFolder.values()) {
			Map<String, Integer> count = new HashMap<>();
			Set<String> numberedBases = new HashSet<>();
			for (Path f : folder) {
				String s = key(f);
				count.merge(s, 1, Integer::sum);
				String base = numberedBase(s);
				if (base != null) {
					numberedBases.add(base);
				}
			}
			for (Path f : folder) {
				String s = key(f);
				String base = numberedBase(s);
				boolean clash = count.get(s) > 1 || numberedBases.contains(s) || (base != null && count.containsKey(base));
				stems.put(f, clash ? f.getFileName().toString() : stem(f));
			}
		}
		return stems;
	}

	private static String key(Path file) {
		return stem(file).toLowerCase(Locale.ROOT);
	}

	/** {@code a} for {@code a_12}; null when the name does not end in {@code _<digits>}. */
	private static String numberedBase(String name) {
		int underscore = name.lastIndexOf('_');
		if (underscore <= 0 || underscore == name.length() - 1) {
			return null;
		}
		for (int i = underscore + 1; i < name.length(); i++) {
			if (!Character.isDigit(name.charAt(i))) {
				return null;
			}
		}
		return name.substring(0, underscore);
	}

	static String stem(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}
