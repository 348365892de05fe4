package io.github.landmarkj.video;

import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The images of a folder (not its sub-folders) as the frames of a video, in name order with numbers
 * compared by value ({@code frame2} before {@code frame10}). Images: png, jpg, jpeg, bmp, tif, tiff, gif.
 */
public final class FolderFrames implements FrameSource {
	private static final Set<String> EXTENSIONS = new HashSet<>(Arrays.asList("png", "jpg", "jpeg", "bmp", "tif", "tiff", "gif"));

	private final Path folder;
	private final List<Path> files;

	public FolderFrames(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			throw new IOException("Not a folder of frames: " + folder);
		}
		try (Stream<Path> list = Files.list(folder)) {
			files = Collections.unmodifiableList(list.filter(Files::isRegularFile).filter(FolderFrames::isImage)
					.sorted(Comparator.comparing(p -> p.getFileName().toString(), FolderFrames::compareNatural)).collect(Collectors.toList()));
		}
		if (files.isEmpty()) {
			throw new IOException("No frames (" + String.join(", ", new java.util.TreeSet<>(EXTENSIONS)) + " images) in " + folder);
		}
		this.folder = folder;
	}

	private static boolean isImage(Path p) {
		String name = p.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 && !name.startsWith(".") && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	/** Name order, digit runs compared as numbers. */
	static int compareNatural(String a, String b) {
		int i = 0, j = 0;
		while (i < a.length() && j < b.length()) {
			char ca = a.charAt(i), cb = b.charAt(j);
			if (Character.isDigit(ca) && Character.isDigit(cb)) {
				int si = i, sj = j;
				while (i < a.length() && Character.isDigit(a.charAt(i))) {
					i++;
				}
				while (j < b.length() && Character.isDigit(b.charAt(j))) {
					j++;
				}
				String na = a.substring(si, i).replaceFirst("^0+(?=.)", ""), nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
				int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
				if (c != 0) {
					return c;
				}
			} else {
				if (ca != cb) {
					return Character.compare(ca, cb);
				}
				i++;
				j++;
			}
		}
		int c = Integer.compare(a.length() - i, b.length() - j);
		return c != 0 ? c : a.compareTo(b);
	}

	/** The frame files in order. */
	public List<Path> files() {
		return files;
	}

	@Override
	public String name() {
		return folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
	}

	@Override
	public int frameCount() {
		return files.size();
	}

	@Override
	public double framesPerSecond() {
		return Double.NaN;
	}

	@Override
	public RgbImage frame(int index) throws IOException {
		return ImageFiles.read(files.get(index));
	}

	/** The frames as a list of paths, for messages. */
	@Override
	public String toString() {
		return "FolderFrames[" + folder + ", " + files.size() + " frames]";
	}

}
