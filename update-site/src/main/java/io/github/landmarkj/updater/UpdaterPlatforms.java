package io.github.landmarkj.updater;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Fiji Updater's platform names, as written in a {@code <platform>} element of {@code db.xml.gz}. A
 * file with platforms is installed only by a Fiji whose updater counts one of them as its own; a file
 * without any is for every platform.
 *
 * <p>The names are the updater's: {@code linux32, linux64, macosx, tiger, win32, win64} in
 * {@code UpdaterUtil.platforms} (the updater of the ImageJ launcher, which calls every Mac
 * {@code macosx}), and {@code linux-arm64, macos64, macos-arm64, win-arm64} added by
 * {@code Platforms.known()} of the Jaunch-era updater, where {@code macosx} is the group of all Macs.
 */
public final class UpdaterPlatforms {
	public static final String LINUX64 = "linux64";
	public static final String WIN64 = "win64";
	/** Every Mac, to old and new updaters alike. */
	public static final String MACOSX = "macosx";

	private static final Set<String> KNOWN = Set.of("linux32", LINUX64, "linux-arm64", MACOSX, "tiger", "macos64",
			"macos-arm64", "win32", WIN64, "win-arm64");
	// the updater's upload gives a new file under one of these folders the platform named by its sub-folder
	// (Checksummer.tryToGuessPlatform)
	private static final Set<String> PLATFORM_FOLDERS = Set.of("jars", "lib", "mm");

	private UpdaterPlatforms() {
	}

	public static Set<String> known() {
		return new TreeSet<>(KNOWN);
	}

	public static boolean isKnown(String platform) {
		return KNOWN.contains(platform);
	}

	/**
	 * The platform a path's folder names, as the updater reads it: {@code jars/linux64/x.jar} is for
	 * {@code linux64}; {@code jars/x.jar} and {@code jars/bio-formats/x.jar} name none.
	 */
	public static Optional<String> ofFolder(String target) {
		String[] parts = target.split("/");
		if (parts.length < 3 || !PLATFORM_FOLDERS.contains(parts[0])) {
			return Optional.empty();
		}
		String folder = parts[1].equals("linux") ? "linux32" : parts[1];
		return isKnown(folder) ? Optional.of(folder) : Optional.empty();
	}
}
