package io.github.landmarkj.engine;

import ai.djl.util.Utils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where PyTorch's native library (libtorch, about 110 MB compressed per platform) will come from, found
 * before DJL is asked to load it, so that a machine without it gets a message saying what to install
 * rather than a stack trace, and so that nothing is downloaded without the user being told.
 * DJL's own order is followed: PYTORCH_LIBRARY_PATH, a pytorch-native jar on the class path, DJL's
 * cache folder, and only then a download (which {@code ai.djl.offline=true} forbids).
 */
public final class NativeLibraries {
	public static final String PYTORCH_VERSION = "2.7.1";

	/** The outcome of the search. */
	public static final class Status {
		public final boolean available;
		public final boolean needsDownload;
		public final String source;
		public final String message;

		Status(boolean available, boolean needsDownload, String source, String message) {
			this.available = available;
			this.needsDownload = needsDownload;
			this.source = source;
			this.message = message;
		}
	}

	private NativeLibraries() {
	}

	/** The status on this machine. */
	public static Status status() {
		String env = System.getenv("PYTORCH_LIBRARY_PATH");
		String prop = System.getProperty("PYTORCH_LIBRARY_PATH");
		return status(prop != null ? prop : env, NativeLibraries.class.getClassLoader(), Utils.getEngineCacheDir("pytorch"),
				Boolean.getBoolean("ai.djl.offline"), System.getProperty("os.name"), System.getProperty("os.arch"));
	}

	/** The decision, from its inputs (testable without touching the machine). */
	static Status status(String libraryPath, ClassLoader loader, Path cacheDir, boolean offline, String osName, String osArch) {
		String platform = platform(osName, osArch);
		if (libraryPath != null && !libraryPath.isEmpty()) {
			boolean exists = Files.isDirectory(Paths.get(libraryPath));
			return new Status(exists, false, "PYTORCH_LIBRARY_PATH=" + libraryPath, exists
					? "libtorch from PYTORCH_LIBRARY_PATH (" + libraryPath + ")"
					: "PYTORCH_LIBRARY_PATH points at " + libraryPath + ", which is not a folder: fix or unset it");
		}
		for (String flavor : new String[] {"cpu", "cu128", "cu124", "cu121", "cpu-precxx11"}) {
			if (loader.getResource("pytorch/" + flavor + "/" + platform + "/") != null) {
				return new Status(true, false, "pytorch-native-" + flavor + " jar on the class path",
						"libtorch (" + flavor + ", " + platform + ") from a pytorch-native jar on the class path");
			}
		}
		Path cached = cached(cacheDir, platform);
		if (cached != null) {
			return new Status(true, false, "DJL cache " + cached, "libtorch from DJL's cache " + cached);
		}
		String install = "Install one of: the LandmarkJ-natives update site (CPU libtorch for Linux, Windows, macOS), "
				+ "a libtorch " + PYTORCH_VERSION + " folder named by the environment variable PYTORCH_LIBRARY_PATH, "
				+ "or ai.djl.pytorch:pytorch-native-cpu:" + PYTORCH_VERSION + ":" + platform + " on the class path";
		if (offline) {
			return new Status(false, false, "none", "PyTorch's native library (libtorch " + PYTORCH_VERSION + ") was not found for "
					+ platform + " and downloads are switched off. " + install + "; or allow LandmarkJ to download it once.");
		}
		return new Status(true, true, "download",
				"PyTorch's native library (libtorch " + PYTORCH_VERSION + " for " + platform + ", about 200 MB for the CPU build, "
						+ "2 GB or more with CUDA) is not on this machine: DJL will download the flavour that fits it (CUDA if a "
						+ "usable GPU is found) into " + cacheDir + " once. " + install + " to avoid the download.");
	}

	/** The system property by which the user (or a dialog acting for them) allows DJL's one-time download. */
	public static final String ALLOW_DOWNLOAD = "landmarkj.allowNativeDownload";

	/**
	 * Returns the status when the library can be loaded without an unannounced download; otherwise throws
	 * a {@link MissingNativeLibraryException} whose message says what to install, or that a download is
	 * needed and how to allow it.
	 */
	public static Status requireLoadable() throws MissingNativeLibraryException {
		Status s = status();
		if (!s.available) {
			throw new MissingNativeLibraryException(s.message, false);
		}
		if (s.needsDownload && !Boolean.getBoolean(ALLOW_DOWNLOAD)) {
			throw new MissingNativeLibraryException(s.message + " To allow the download, confirm it when LandmarkJ asks, or start Java with -D"
					+ ALLOW_DOWNLOAD + "=true.", true);
		}
		return s;
	}

	/** libtorch is missing; {@link #downloadPossible()} tells whether allowing DJL's download would fix it. */
	public static final class MissingNativeLibraryException extends IOException {
		private static final long serialVersionUID = 1L;
		private final boolean downloadPossible;

		MissingNativeLibraryException(String message, boolean downloadPossible) {
			super(message);
			this.downloadPossible = downloadPossible;
		}

		public boolean downloadPossible() {
			return downloadPossible;
		}
	}

	static String platform(String osName, String osArch) {
		String os = osName.toLowerCase(Locale.ROOT);
		String arch = osArch.toLowerCase(Locale.ROOT);
		String o = os.startsWith("win") ? "win" : os.startsWith("mac") || os.contains("os x") ? "osx" : "linux";
		String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
		return o + "-" + a;
	}

	private static Path cached(Path cacheDir, String platform) {
		if (cacheDir == null || !Files.isDirectory(cacheDir)) {
			return null;
		}
		try (Stream<Path> s = Files.list(cacheDir)) {
			return s.filter(Files::isDirectory)
					.filter(p -> p.getFileName().toString().startsWith(PYTORCH_VERSION) && p.getFileName().toString().endsWith(platform))
					.findFirst().orElse(null);
		} catch (IOException e) {
			return null;
		}
	}
}
