package io.github.landmarkj.updater;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The Fiji Updater's treatment of {@code META-INF/MANIFEST.MF}, ported from its {@code FilterManifest}:
 * headers that change with every build (who built it, with which JDK) must not change the checksum.
 */
final class ManifestFilter {
	private static final Set<String> BUILD_HEADERS = Set.of("ARCHIVER-VERSION", "BUILT-BY", "BUILD-JDK",
			"CLASS-PATH", "CREATED-BY", "IMPLEMENTATION-BUILD");

	private ManifestFilter() {
	}

	/**
	 * The current checksum asks the updater to keep only the Main-Class line, but it compares an
	 * upper-cased line with the mixed-case {@code "Main-Class:"}, which never matches: in effect the
	 * manifest contributes nothing. Reproduced as such, since published checksums depend on it.
	 */
	static byte[] keepOnlyMainClass(byte[] manifest) {
		return new byte[0];
	}

	/** Every line except build-specific headers, each ended with {@code \n}. */
	static byte[] dropBuildHeaders(byte[] manifest) {
		// The updater decodes with the platform charset; manifests are UTF-8 by specification.
		StringBuilder kept = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ByteArrayInputStream(manifest), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				int colon = line.indexOf(':');
				if (colon > 0 && BUILD_HEADERS.contains(line.substring(0, colon).toUpperCase(Locale.ROOT))) {
					continue;
				}
				kept.append(line).append('\n');
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Reading an in-memory manifest cannot fail", e);
		}
		return kept.toString().getBytes(StandardCharsets.UTF_8);
	}
}
