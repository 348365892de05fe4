package io.github.landmarkj.updater;

import java.util.List;
import java.util.Map;

/**
 * Which of LandmarkJ's runtime jars go on the update site. This is the one place that says so, with
 * the reason for each jar; the update-site README shows the same table.
 *
 * <p>A jar Fiji already ships must not be on our site: two update sites offering one file make the
 * updater report a conflict, and a second copy of a jar in {@code jars/} means two versions of the same
 * classes on Fiji's class path. Fiji's copy may be older than the version DJL was built against; DJL
 * uses only long-stable parts of these libraries (the Fiji Updater run against the generated site is
 * the check). A jar this class does not know goes on the site: a missing jar breaks the plugin for sure,
 * an extra one only possibly.
 */
public final class FijiRuntimePolicy {

	/** Where a runtime jar reaches a Fiji user. */
	public enum Placement {
		/** Published on the LandmarkJ update site. */
		ON_SITE,
		/** Already in Fiji 2.14 (the Fiji update site). */
		SHIPPED_BY_FIJI,
		/** PyTorch's native library: not on the main site (see the README's native-library policy). */
		NATIVE_LIBRARY
	}

	/** The decision for one jar and why. */
	public static final class Decision {
		private final Placement placement;
		private final String reason;
		private final List<String> siteDependencies;

		Decision(Placement placement, String reason, List<String> siteDependencies) {
			this.placement = placement;
			this.reason = reason;
			this.siteDependencies = List.copyOf(siteDependencies);
		}

		public Placement placement() {
			return placement;
		}

		public String reason() {
			return reason;
		}

		/** Artifact names of other jars on the site that this one needs at run time. */
		public List<String> siteDependencies() {
			return siteDependencies;
		}
	}

	private static final String NATIVE_PREFIX = "pytorch-native-";

	// artifact name (the jar's name without version and ".jar") -> decision
	private static final Map<String, Decision> KNOWN = Map.ofEntries(
			shipped("ij", "ImageJ 1.x, the core of Fiji"),
			shipped("scijava-common", "the SciJava framework Fiji runs on; LandmarkJ's commands are SciJava plugins"),
			shipped("parsington", "scijava-common's expression parser, shipped along with it"),
			shipped("imglib2", "ImgLib2, part of every Fiji"),
			shipped("gson", "JSON library DJL's api needs; used throughout Fiji"),
			shipped("jna", "DJL's api loads native code through JNA; Fiji ships it, a second copy would clash"),
			shipped("jna-platform", "JNA's platform bindings, shipped with JNA in Fiji"),
			shipped("commons-compress", "DJL's api unpacks model archives with it; in Fiji"),
			shipped("commons-codec", "Apache Commons Codec, a commons-compress dependency; in Fiji"),
			shipped("commons-io", "Apache Commons IO, a commons-compress dependency; in Fiji"),
			shipped("commons-lang3", "Apache Commons Lang, in Fiji"),
			shipped("slf4j-api", "DJL logs through SLF4J; Fiji ships the API and a binding"),
			onSite("picocli", "the command-line tool's parser (LandmarkJ's cli package); not known to ship with Fiji 2.14"),
			onSite("api", "DJL's engine-neutral API (NDArray, Model, Predictor); not in Fiji"),
			onSite("pytorch-engine", "DJL's PyTorch engine; not in Fiji", "api", "pytorch-jni"),
			onSite("pytorch-jni", "the JNI glue between DJL and libtorch, 3.4 MB for all platforms"
					+ " (libtorch itself is separate); not in Fiji"));

	private FijiRuntimePolicy() {
	}

	/** The decision for a runtime jar, by its file name (e.g. {@code pytorch-engine-0.35.1.jar}). */
	public static Decision decide(String jarFileName) {
		String artifact = artifactName(jarFileName);
		if (artifact.startsWith(NATIVE_PREFIX)) {
			return new Decision(Placement.NATIVE_LIBRARY, "libtorch for one platform, about 110 MB: DJL downloads it"
					+ " on first use, or the optional LandmarkJ-natives site carries it", List.of());
		}
		Decision known = KNOWN.get(artifact);
		if (known != null) {
			return known;
		}
		return new Decision(Placement.ON_SITE, "not known to ship with Fiji 2.14, so published to be safe", List.of());
	}

	/** A jar's artifact name, as the updater identifies it: {@code api-0.35.1.jar} gives {@code api}. */
	public static String artifactName(String jarFileName) {
		String unversioned = VersionedFilename.unversioned(jarFileName);
		return unversioned.endsWith(".jar") ? unversioned.substring(0, unversioned.length() - 4) : unversioned;
	}

	private static Map.Entry<String, Decision> shipped(String artifact, String reason) {
		return Map.entry(artifact, new Decision(Placement.SHIPPED_BY_FIJI, reason, List.of()));
	}

	private static Map.Entry<String, Decision> onSite(String artifact, String reason, String... needs) {
		return Map.entry(artifact, new Decision(Placement.ON_SITE, reason, List.of(needs)));
	}
}
