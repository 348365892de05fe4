package io.github.landmarkj.updater;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Builds the optional update site {@code LandmarkJ-natives}: PyTorch's CPU native library
 * ({@code ai.djl.pytorch:pytorch-native-cpu}) for each platform, as {@code jars/<platform>/<jar>} with that
 * platform in the index, so each Fiji installs only its own (42 to 112 MB each for 2.7.1). Once installed, the
 * jar is on Fiji's class path, where {@code NativeLibraries} and DJL find it; nothing is downloaded.
 * Run by the Maven profile {@code natives-site}.
 */
public final class NativesSiteMain {
	public static final String USAGE = "usage: NativesSiteMain --output DIR --native-jar CLASSIFIER=JAR..."
			+ " [--timestamp yyyyMMddHHmmss]\n"
			+ "  --output      the update site folder; an existing site there is updated, not replaced\n"
			+ "  --native-jar  a pytorch-native-cpu jar and its Maven classifier, e.g.\n"
			+ "                linux-x86_64=pytorch-native-cpu-2.7.1-linux-x86_64.jar; repeat for each platform\n"
			+ "  --timestamp   the date of new versions (default: now, UTC)";

	/** Maven classifier (DJL's platform) -> the updater's platform that installs it. */
	static final Map<String, String> PLATFORMS = Map.of(
			"linux-x86_64", UpdaterPlatforms.LINUX64,
			"win-x86_64", UpdaterPlatforms.WIN64,
			// macosx is every Mac to the updater (old ones know no other); PyTorch 2.7.1 is built for Apple
			// silicon only, so an Intel Mac gets a jar NativeLibraries will not take, and DJL's download instead
			"osx-aarch64", UpdaterPlatforms.MACOSX,
			// known to the Jaunch-era updater only; older ones call ARM Linux linux64
			"linux-aarch64", "linux-arm64");

	private static final Pattern JAR_NAME = Pattern.compile("pytorch-native-cpu-(\\d[^-]*)-(.+)\\.jar");

	private NativesSiteMain() {
	}

	public static void main(String[] args) {
		int status = run(args, System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	/** Builds the site as asked; returns the process exit status (0 done, 1 failed, 2 bad arguments). */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Path output = null;
		Long timestamp = null;
		Map<String, Path> jars = new LinkedHashMap<>();
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
				case "--output":
					output = Path.of(value(args, ++i, "--output"));
					break;
				case "--timestamp":
					timestamp = UpdaterTimestamp.parse(value(args, ++i, "--timestamp"));
					break;
				case "--native-jar":
					addJar(jars, value(args, ++i, "--native-jar"));
					break;
				default:
					throw new IllegalArgumentException("Unknown argument: " + args[i]);
				}
			}
			if (output == null) {
				throw new IllegalArgumentException("Missing --output: where to build the update site");
			}
			if (jars.isEmpty()) {
				throw new IllegalArgumentException("Missing --native-jar: no native library to publish");
			}
		} catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.println(USAGE);
			return 2;
		}
		try {
			long time = timestamp != null ? timestamp : UpdaterTimestamp.of(Instant.now());
			BuildResult result = new UpdateSiteBuilder(output, time).build(entries(jars));
			out.println("Update site LandmarkJ-natives in " + output.toAbsolutePath() + ": " + result.stored().size()
					+ " new file(s), " + result.unchanged().size() + " unchanged, " + result.removed().size() + " retired");
			for (SiteFile file : result.site().files()) {
				if (file.current().isPresent()) {
					out.println("  " + file.filename() + "  for " + file.platforms());
				}
			}
			result.stored().forEach(name -> out.println("  + " + name));
			result.removed().forEach(key -> out.println("  - " + key));
			return 0;
		} catch (IOException | IllegalArgumentException e) {
			err.println("Building the natives update site failed: " + e.getMessage());
			return 1;
		}
	}

	private static void addJar(Map<String, Path> jars, String value) {
		int equals = value.indexOf('=');
		if (equals <= 0 || equals == value.length() - 1) {
			throw new IllegalArgumentException("--native-jar needs CLASSIFIER=JAR, got " + value);
		}
		String classifier = value.substring(0, equals);
		if (!PLATFORMS.containsKey(classifier)) {
			throw new IllegalArgumentException("Unknown classifier " + classifier + "; known: " + PLATFORMS.keySet());
		}
		if (jars.put(classifier, Path.of(value.substring(equals + 1))) != null) {
			throw new IllegalArgumentException("Two jars given for " + classifier);
		}
	}

	/** One entry per jar, under its platform's folder and for that platform only. */
	static List<SiteEntry> entries(Map<String, Path> jars) throws IOException {
		List<SiteEntry> entries = new ArrayList<>();
		for (Map.Entry<String, Path> jar : jars.entrySet()) {
			String classifier = jar.getKey();
			String version = checkJar(classifier, jar.getValue());
			String platform = PLATFORMS.get(classifier);
			entries.add(new SiteEntry(SiteLayout.platformJarTarget(platform, jar.getValue()), jar.getValue(), List.of(),
					"PyTorch " + version + "'s CPU native library (libtorch) for " + classifier
							+ ", from ai.djl.pytorch:pytorch-native-cpu:" + version + ":" + classifier
							+ ". LandmarkJ finds it on Fiji's class path; no download is needed.",
					List.of(platform)));
		}
		return entries;
	}

	/**
	 * Checks that the jar is the pytorch-native-cpu jar for the classifier, holding the folder by which
	 * {@code NativeLibraries} recognises it on the class path; returns its PyTorch version.
	 */
	static String checkJar(String classifier, Path jar) throws IOException {
		String name = jar.getFileName().toString();
		Matcher matcher = JAR_NAME.matcher(name);
		if (!matcher.matches() || !matcher.group(2).equals(classifier)) {
			throw new UpdateSiteException(name + " is not a pytorch-native-cpu-<version>-" + classifier + ".jar");
		}
		String folder = "pytorch/cpu/" + classifier + "/";
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			if (zip.getEntry(folder) == null) {
				throw new UpdateSiteException(jar + " has no " + folder + ": LandmarkJ would not find libtorch in it");
			}
		}
		return matcher.group(1);
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length || args[index].startsWith("--")) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}
}
