package io.github.landmarkj.updater;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checksums exactly as the Fiji Updater ({@code UpdaterUtil.getDigest} and {@code getJarDigest}) computes
 * them, so that a file installed from our site is recognised as up to date and not as locally modified.
 *
 * <p>A jar is digested entry by entry, so that rebuilding it with new timestamps or a new entry order
 * does not look like a change; any other file is digested together with its path.
 */
public final class UpdaterChecksum {
	private static final String MANIFEST = "META-INF/MANIFEST.MF";

	private UpdaterChecksum() {
	}

	/** The checksum the updater records today for the file installed at {@code path}. */
	public static String current(String path, Path file) throws IOException {
		if (isJar(path)) {
			return jarDigest(file, true, true, true);
		}
		MessageDigest digest = sha1();
		digest.update(path.getBytes(StandardCharsets.US_ASCII));
		try (InputStream in = Files.newInputStream(file)) {
			drain(in, digest);
		}
		return hex(digest.digest());
	}

	/** Older algorithm, still accepted by the updater: properties comments ignored, manifest filtered line by line. */
	public static String obsoletePropertiesAndManifest(Path jar) throws IOException {
		return jarDigest(jar, true, true, false);
	}

	/** Older algorithm: properties comments ignored, manifest digested as is. */
	public static String obsoletePropertiesOnly(Path jar) throws IOException {
		return jarDigest(jar, true, false, false);
	}

	/** Oldest algorithm: every entry digested as is. */
	public static String obsoleteRaw(Path jar) throws IOException {
		return jarDigest(jar, false, false, false);
	}

	/**
	 * The three obsolete checksums in the updater's order, or an empty list for a file that is not a jar
	 * (the updater has no obsolete variants for those).
	 */
	public static List<String> obsolete(String path, Path file) throws IOException {
		if (!isJar(path)) {
			return List.of();
		}
		return List.of(obsoletePropertiesAndManifest(file), obsoletePropertiesOnly(file), obsoleteRaw(file));
	}

	private static boolean isJar(String path) {
		return path.endsWith(".jar");
	}

	private static String jarDigest(Path file, boolean filterProperties, boolean filterManifest,
			boolean keepOnlyMainClass) throws IOException {
		MessageDigest digest = sha1();
		try (JarFile jar = new JarFile(file.toFile())) {
			List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()));
			entries.sort(Comparator.comparing(JarEntry::getName));
			for (JarEntry entry : entries) {
				String name = entry.getName();
				digest.update(name.getBytes(StandardCharsets.US_ASCII));
				boolean properties = filterProperties && name.endsWith(".properties");
				boolean manifest = filterManifest && name.equals(MANIFEST);
				try (InputStream in = jar.getInputStream(entry)) {
					if (!properties && !manifest) {
						// streamed: native-library jars hold entries of hundreds of megabytes
						drain(in, digest);
						continue;
					}
					byte[] content = in.readAllBytes();
					if (properties) {
						content = PropertiesCommentFilter.filter(content);
					}
					if (manifest) {
						content = keepOnlyMainClass ? ManifestFilter.keepOnlyMainClass(content)
								: ManifestFilter.dropBuildHeaders(content);
					}
					digest.update(content);
				}
			}
		}
		return hex(digest.digest());
	}

	private static void drain(InputStream in, MessageDigest digest) throws IOException {
		byte[] buffer = new byte[65536];
		try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
			while (digesting.read(buffer) >= 0) {
				// the digest sees every byte as it is read
			}
		}
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime must provide SHA-1", e);
		}
	}

	static String hex(byte[] bytes) {
		StringBuilder out = new StringBuilder(bytes.length * 2);
		for (byte b : bytes) {
			out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
		}
		return out.toString();
	}
}
