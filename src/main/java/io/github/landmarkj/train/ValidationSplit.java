package io.github.landmarkj.train;

import java.nio.file.Path;

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

	public int every() {
		return every;
	}
}
