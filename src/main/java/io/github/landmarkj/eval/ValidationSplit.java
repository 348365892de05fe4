package io.github.landmarkj.eval;

import io.github.landmarkj.io.AnnotatedFace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed validation split: one photo in {@code every}, counted in sorted file order within each
 * folder. Faces of one photo (AFW's {@code <photo>_<k>} files) always fall on the same side, so no
 * photo is in both parts.
 */
public final class ValidationSplit {
	private final int every;

	public ValidationSplit(int every) {
		if (every < 2) {
			throw new IllegalArgumentException("A validation split needs every >= 2");
		}
		this.every = every;
	}

	/** The photo a face file belongs to: the stem without a trailing {@code _<k>} face number. */
	static String photoOf(Path image) {
		String name = image.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String stem = dot > 0 ? name.substring(0, dot) : name;
		return stem.matches(".*\\d+_\\d+") ? stem.substring(0, stem.lastIndexOf('_')) : stem;
	}

	/** Whether a face goes to validation, given its photo's index among its folder's sorted photos. */
	public boolean isValidation(int photoIndexInFolder) {
		return photoIndexInFolder % every == every - 1;
	}

	/** The two parts of a list of faces: {@code [training, validation]}, each sorted by image path. */
	public List<List<AnnotatedFace>> split(List<AnnotatedFace> faces) {
		List<AnnotatedFace> sorted = new ArrayList<>(faces);
		sorted.sort(Comparator.comparing(AnnotatedFace::image));
		Map<Path, Map<String, Integer>> photoIndex = new LinkedHashMap<>();
		List<AnnotatedFace> training = new ArrayList<>();
		List<AnnotatedFace> validation = new ArrayList<>();
		for (AnnotatedFace face : sorted) {
			Map<String, Integer> photos = photoIndex.computeIfAbsent(face.image().getParent(), p -> new LinkedHashMap<>());
			int index = photos.computeIfAbsent(photoOf(face.image()), p -> photos.size());
			(isValidation(index) ? validation : training).add(face);
		}
		List<List<AnnotatedFace>> parts = new ArrayList<>();
		parts.add(training);
		parts.add(validation);
		return parts;
	}

	public int every() {
		return every;
	}
}
