package io.github.landmarkj.updater;

import java.nio.file.Path;

/**
 * Where LandmarkJ's files live in a Fiji installation, relative to the Fiji directory; the update site
 * mirrors it. The plugin finds its bundled models at {@code <Fiji>/}{@value #MODELS_DIR}{@code /<model>/...}.
 */
public final class SiteLayout {
	/** The plugin jar: Fiji scans {@code plugins/} for commands. */
	public static final String PLUGINS_DIR = "plugins";
	/** Libraries, where Fiji keeps every runtime jar. */
	public static final String JARS_DIR = "jars";
	/**
	 * Bundled models. {@code models/} is a directory the updater manages for any file type; the
	 * {@code landmarkj} level keeps our files apart from other sites' models.
	 */
	public static final String MODELS_DIR = "models/landmarkj";

	private SiteLayout() {
	}

	public static String pluginTarget(Path pluginJar) {
		return PLUGINS_DIR + "/" + pluginJar.getFileName();
	}

	public static String jarTarget(Path jar) {
		return JARS_DIR + "/" + jar.getFileName();
	}

	/**
	 * A jar for one platform only: {@code jars/<updater platform>/<name>}, the folder the updater itself
	 * uses for per-platform jars (e.g. Fiji's {@code jars/linux64/}, {@code jars/macosx/}); its upload
	 * labels a file there with that platform. The launcher puts every jar below {@code jars/}, sub-folders
	 * included, on the class path (ImageJ launcher, {@code ClassLoaderPlus.getRecursively}).
	 */
	public static String platformJarTarget(String platform, Path jar) {
		if (!UpdaterPlatforms.isKnown(platform)) {
			throw new IllegalArgumentException("Unknown updater platform: " + platform);
		}
		return JARS_DIR + "/" + platform + "/" + jar.getFileName();
	}

	/** A model file's target: its path below the models folder, below {@link #MODELS_DIR}. */
	public static String modelTarget(Path modelsRoot, Path file) {
		Path relative = modelsRoot.relativize(file);
		if (relative.startsWith("..") || relative.isAbsolute()) {
			throw new IllegalArgumentException(file + " is not inside the models folder " + modelsRoot);
		}
		StringBuilder target = new StringBuilder(MODELS_DIR);
		for (Path part : relative) {
			target.append('/').append(part);
		}
		return target.toString();
	}
}
