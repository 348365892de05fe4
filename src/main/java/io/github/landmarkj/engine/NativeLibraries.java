package io.github.landmarkj.engine;

import ai.djl.util.Platform;
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
 * DJL's own order and rules are followed (LibUtils of DJL 0.35.1): PYTORCH_LIBRARY_PATH when it holds
 * libtorch, a pytorch-native jar on the class path, the one folder of DJL's cache that DJL will look in
 * ({@link ExpectedCacheFolder}), and only then a download (which {@code ai.djl.offline=true} forbids).
 */
public final class NativeLibraries {
	public static final String PYTORCH_VERSION = "2.7.1";

	/** The outcome of the search. */
	public record Status(boolean available, boolean needsDownload, String source, String message) {
	}

	private NativeLibraries() {
	}

	/**
	 * The libtorch folder DJL's PyTorch engine looks for in its cache when no pytorch-native jar is on the
	 * class path ({@code LibUtils.downloadPyTorch} in DJL 0.35.1): {@code <cache>/<version>-<flavor>-<classifier>},
	 * holding {@code libtorch.so} (or .dylib, .dll). The version is the engine's {@code pytorch_version}
	 * (2.7.1), without the build date that a pytorch-native jar's own version carries (2.7.1-20250812), so a
	 * folder extracted earlier from such a jar is not found once the jar is gone; the flavour is cpu, or
	 * cu&lt;version&gt; where a GPU is found, or PYTORCH_FLAVOR.
	 */
	record ExpectedCacheFolder(String version, String flavor, String classifier) {
		String name() {
			return version + "-" + flavor + "-" + classifier;
		}

		/** What DJL expects on this machine, asked of DJL itself. */
		static ExpectedCacheFolder ofThisMachine() {
			Platform p = Platform.detectPlatform("pytorch");
			String override = Utils.getEnvOrSystemProperty("PYTORCH_FLAVOR");
			String flavor;
			if (override != null && !override.isEmpty()) {
				flavor = override;
			} else {
				boolean precxx11 = System.getProperty("os.name", "").startsWith("Linux")
						&& Boolean.parseBoolean(Utils.getEnvOrSystemProperty("PYTORCH_PRECXX11"));
				flavor = p.getFlavor() + (precxx11 ? "-precxx11" : "");
			}
			return new ExpectedCacheFolder(p.getVersion(), flavor, p.getClassifier());
		}
	}

	/** The status on this machine. */
	public static Status status() {
		String env = System.getenv("PYTORCH_LIBRARY_PATH");
		String prop = System.getProperty("PYTORCH_LIBRARY_PATH");
		String platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
		ClassLoader loader = NativeLibraries.class.getClassLoader();
		// With a pytorch-native jar DJL extracts from the jar; only without it does the cache folder's name matter.
		ExpectedCacheFolder expected = nativeJar(loader, platform) == null ? ExpectedCacheFolder.ofThisMachine()
				: new ExpectedCacheFolder(PYTORCH_VERSION, "cpu", platform);
		return status(prop != null ? prop : env, loader, Utils.getEngineCacheDir("pytorch"), Boolean.getBoolean("ai.djl.offline"),
				platform, expected, System.mapLibraryName("torch"));
	}

	/** The decision, from its inputs (testable without touching the machine). */
	static Status status(String libraryPath, ClassLoader loader, Path cacheDir, boolean offline, String platform,
			ExpectedCacheFolder expected, String libraryFile) {
		if (libraryPath != null && !libraryPath.isEmpty()) {
			boolean usable = Files.isRegularFile(Paths.get(libraryPath).resolve(libraryFile));
			if (usable) {
				return new Status(true, false, "PYTORCH_LIBRARY_PATH=" + libraryPath, "libtorch from PYTORCH_LIBRARY_PATH (" + libraryPath + ")");
			}
			// DJL ignores a PYTORCH_LIBRARY_PATH without the library and goes on looking; say so rather than fail later.
			String problem = "PYTORCH_LIBRARY_PATH points at " + libraryPath + ", which holds no " + libraryFile + ": fix or unset it. ";
			Status rest = status(null, loader, cacheDir, offline, platform, expected, libraryFile);
			return new Status(rest.available, rest.needsDownload, rest.source, problem + rest.message);
		}
		String flavor = nativeJar(loader, platform);
		if (flavor != null) {
			return new Status(true, false, "pytorch-native-" + flavor + " jar on the class path",
					"libtorch (" + flavor + ", " + platform + ") from a pytorch-native jar on the class path");
		}
		Path folder = cacheDir == null ? null : cacheDir.resolve(expected.name());
		if (folder != null && Files.isRegularFile(folder.resolve(libraryFile))) {
			return new Status(true, false, "DJL cache " + folder, "libtorch from DJL's cache " + folder);
		}
		String install = "Install one of: the LandmarkJ-natives update site (CPU libtorch for Linux, Windows, macOS), "
				+ "a libtorch " + PYTORCH_VERSION + " folder named by the environment variable PYTORCH_LIBRARY_PATH, "
				+ "or ai.djl.pytorch:pytorch-native-cpu:" + PYTORCH_VERSION + ":" + platform + " on the class path";
		String unusable = unusableCacheFolders(cacheDir, platform, expected, libraryFile);
		if (offline) {
			return new Status(false, false, "none", "PyTorch's native library (libtorch " + PYTORCH_VERSION + ") was not found for "
					+ platform + " and downloads are switched off. " + unusable + install + "; or allow LandmarkJ to download it once.");
		}
		return new Status(true, true, "download",
				"PyTorch's native library (libtorch " + PYTORCH_VERSION + " for " + platform + ", about 200 MB for the CPU build, "
						+ "2 GB or more with CUDA) is not on this machine: DJL will download the flavour that fits it (CUDA if a "
						+ "usable GPU is found) into " + cacheDir + " once. " + unusable + install + " to avoid the download.");
	}

	/** The flavour of the pytorch-native jar on the class path for {@code platform}, or null. */
	private static String nativeJar(ClassLoader loader, String platform) {
		for (String flavor : new String[] {"cpu", "cu128", "cu124", "cu121", "cpu-precxx11"}) {
			if (loader.getResource("pytorch/" + flavor + "/" + platform + "/") != null) {
				return flavor;
			}
		}
		return null;
	}

	/**
	 * A sentence about libtorch folders in DJL's cache that DJL will not use (e.g. extracted from a
	 * pytorch-native jar, whose version carries a build date), with what to do; empty when there are none.
	 */
	private static String unusableCacheFolders(Path cacheDir, String platform, ExpectedCacheFolder expected, String libraryFile) {
		if (cacheDir == null || !Files.isDirectory(cacheDir)) {
			return "";
		}
		try (Stream<Path> s = Files.list(cacheDir)) {
			Path other = s.filter(p -> Files.isRegularFile(p.resolve(libraryFile)))
					.filter(p -> p.getFileName().toString().startsWith(PYTORCH_VERSION) && p.getFileName().toString().endsWith(platform))
					.sorted().findFirst().orElse(null);
			if (other == null) {
				return "";
			}
			return "DJL's cache " + cacheDir + " holds libtorch in " + other.getFileName() + " (extracted there earlier from a "
					+ "pytorch-native jar), but without that jar DJL looks only in " + cacheDir.resolve(expected.name())
					+ " and would download it (with downloads off it fails with \"Failed to save pytorch index file\"). "
					+ "Rename the folder " + other + " to " + expected.name() + ", or ";
		} catch (IOException e) {
			return "";
		}
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
}
