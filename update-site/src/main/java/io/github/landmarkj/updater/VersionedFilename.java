package io.github.landmarkj.updater;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The updater's rule for the version in a jar's name (SciJava's {@code FileUtils.stripFilenameVersion}):
 * the updater identifies a file by its name without the version, so {@code jars/api-0.35.1.jar} and
 * {@code jars/api-0.36.0.jar} are two versions of one file, {@code jars/api.jar}. Only {@code .jar}
 * names carry a version; any other path is its own key.
 */
public final class VersionedFilename {
	private static final String VERSION = "\\d+(\\.\\d+|\\d{7})+[a-z]?\\d?(-[A-Za-z0-9.]+?|\\.GA)*?";
	private static final String CLASSIFIERS = "(swing|swt|shaded|sources|javadoc|natives?-?\\w*"
			+ "|(natives-)?(android|linux|macosx|macos|solaris|windows)-"
			+ "(aarch64|amd64|arm64|armv6hf|armv6|arm|i386|i486|i586|i686|universal|x86[_-]32|x86[_-]64|x86))";
	private static final String SUFFIX = "\\.jar(-[a-z]*)?";
	// group 1 is the base name, group 5 the classifier and suffix that follow the version
	private static final Pattern PATTERN = Pattern
			.compile("(.+?)(-" + VERSION + ")?((-(" + CLASSIFIERS + "))?(" + SUFFIX + "))");

	private VersionedFilename() {
	}

	/** The key the updater files {@code path} under: the path with any version removed. */
	public static String unversioned(String path) {
		Matcher matcher = PATTERN.matcher(path);
		if (!matcher.matches()) {
			return path;
		}
		return matcher.group(1) + matcher.group(5);
	}
}
