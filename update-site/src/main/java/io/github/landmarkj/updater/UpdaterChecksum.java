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

	/**
	 * The checksum the updater records for the file installed at {@code path}. (The updater also accepts
	 * three older jar checksums, for sites written by updaters before 2013; this builder writes and reads
	 * only sites of its own, so it neither computes nor accepts those.)
	 */
	public static String current(String path, Path file) throws IOException {
		if (isJar(path)) {
			return jarDigest(file);
		}
		MessageDigest digest = sha1();
		digest.update(path.getBytes(StandardCharsets.US_ASCII));
		try (InputStream in = Files.newInputStream(file)) {
			drain(in, digest);
		}
		return hex(digest.digest());
	}

	private static boolean isJar(String path) {
		return path.endsWith(".jar");
	}

	/**
	 * The updater's {@code getJarDigest(file, true, true, true)}: entries sorted by name, each its name then
	 * its content, where properties files lose their comments and the manifest contributes no content.
	 * (The updater means to keep the manifest's Main-Class line, but compares an upper-cased line with the
	 * mixed-case {@code "Main-Class:"}, which never matches; published checksums depend on that.)
	 */
	private static String jarDigest(Path file) throws IOException {
		MessageDigest digest = sha1();
		try (JarFile jar = new JarFile(file.toFile())) {
			List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()));
			entries.sort(Comparator.comparing(JarEntry::getName));
			for (JarEntry entry : entries) {
				String name = entry.getName();
				digest.update(name.getBytes(StandardCharsets.US_ASCII));
				if (name.equals(MANIFEST)) {
					continue;
				}
				try (InputStream in = jar.getInputStream(entry)) {
					if (name.endsWith(".properties")) {
						digest.update(PropertiesCommentFilter.filter(in.readAllBytes()));
					} else {
						// streamed: native-library jars hold entries of hundreds of megabytes
						drain(in, digest);
					}
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
