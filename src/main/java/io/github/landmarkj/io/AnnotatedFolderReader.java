package io.github.landmarkj.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.landmarkj.core.Landmarks;

/**
 * Finds annotated faces in a folder and its sub-folders: every image (jpg, jpeg, png, tif, tiff, bmp, any
 * letter case) with a point file of the same name next to it, either a 300-W {@code .pts} (1-based) or a
 * {@code .csv} read by {@link PointCsvFormat} (0-based). When both exist the {@code .pts} is used.
 * Images without a readable point file are skipped and reported, so that one bad file does not stop a
 * training run but is not silently lost either.
 */
public final class AnnotatedFolderReader {
	private static final Set<String> IMAGE_EXTENSIONS =
			Collections.unmodifiableSet(new HashSet<>(Arrays.asList("jpg", "jpeg", "png", "tif", "tiff", "bmp")));

	private AnnotatedFolderReader() {
	}

	public static Result read(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			throw new IOException("Not a folder: " + folder);
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
		}
		Set<Path> all = new HashSet<>(files);
		List<AnnotatedFace> faces = new ArrayList<>();
		List<Skipped> skipped = new ArrayList<>();
		for (Path image : files) {
			String name = image.getFileName().toString();
			int dot = name.lastIndexOf('.');
			if (dot <= 0 || !IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
				continue;
			}
			String stem = name.substring(0, dot);
			String id = folder.relativize(image.resolveSibling(stem)).toString().replace('\\', '/');
			Path pts = sibling(all, image, stem, "pts");
			Path csv = sibling(all, image, stem, "csv");
			if (pts == null && csv == null) {
				skipped.add(new Skipped(image, "no point file " + stem + ".pts or " + stem + ".csv next to it"));
				continue;
			}
			try {
				if (pts != null) {
					faces.add(new AnnotatedFace(image, PtsFormat.read(pts), id));
				} else {
					Landmarks l = PointCsvFormat.read(csv);
					faces.add(new AnnotatedFace(image, l.points(), occludedFlags(l), id));
				}
			} catch (IOException e) {
				skipped.add(new Skipped(image, "unreadable point file: " + e.getMessage()));
			}
		}
		return new Result(faces, skipped);
	}

	private static Path sibling(Set<Path> files, Path image, String stem, String extension) {
		for (String ext : new String[] {extension, extension.toUpperCase(Locale.ROOT)}) {
			Path p = image.resolveSibling(stem + "." + ext);
			if (files.contains(p)) {
				return p;
			}
		}
		return null;
	}

	private static boolean[] occludedFlags(Landmarks l) {
		boolean[] o = new boolean[l.size()];
		for (int i = 0; i < o.length; i++) {
			o[i] = l.occluded(i);
		}
		return o;
	}

	/** The faces found, sorted by image path, and the images that were left out. */
	public static final class Result {
		private final List<AnnotatedFace> faces;
		private final List<Skipped> skipped;

		Result(List<AnnotatedFace> faces, List<Skipped> skipped) {
			this.faces = Collections.unmodifiableList(new ArrayList<>(faces));
			this.skipped = Collections.unmodifiableList(new ArrayList<>(skipped));
		}

		public List<AnnotatedFace> faces() {
			return faces;
		}

		public List<Skipped> skipped() {
			return skipped;
		}
	}

	/** An image that was not used, and why. */
	public static final class Skipped {
		private final Path image;
		private final String reason;

		Skipped(Path image, String reason) {
			this.image = image;
			this.reason = reason;
		}

		public Path image() {
			return image;
		}

		public String reason() {
			return reason;
		}

		@Override
		public String toString() {
			return image + ": " + reason;
		}
	}
}
