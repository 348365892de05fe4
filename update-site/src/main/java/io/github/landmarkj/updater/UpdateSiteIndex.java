package io.github.landmarkj.updater;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes an update site's index, {@code db.xml.gz}: gzip-compressed UTF-8 XML in the
 * format of the Fiji Updater.
 */
public final class UpdateSiteIndex {
	/** The index's name in the site's root folder, where the updater looks for it. */
	public static final String FILE_NAME = "db.xml.gz";

	private UpdateSiteIndex() {
	}

	/** The site described by the index at {@code file}. */
	public static UpdateSite read(Path file) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			return IndexXmlReader.read(in, file.toString());
		} catch (ZipException e) {
			throw new UpdateSiteException("Not a gzip-compressed update site index: " + file, e);
		}
	}

	/** The site described by {@code db.xml.gz} in {@code siteDir}, or an empty site if there is none yet. */
	public static UpdateSite readIfPresent(Path siteDir) throws IOException {
		Path index = siteDir.resolve(FILE_NAME);
		return Files.exists(index) ? read(index) : UpdateSite.empty();
	}

	/** Parses uncompressed index XML. */
	public static UpdateSite parseXml(String xml) throws IOException {
		return IndexXmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "XML text");
	}

	/** The uncompressed XML of the index for {@code site}. */
	public static String toXml(UpdateSite site) {
		return IndexXmlWriter.toXml(site);
	}

	/**
	 * Writes the index to {@code file}, replacing it only once it is complete, so that a web server
	 * never serves half an index.
	 */
	public static void write(UpdateSite site, Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path partial = Files.createTempFile(parent, FILE_NAME, ".partial");
		try {
			// a temporary file is private to its owner; the web server serving the site must read the index
			if (Files.getFileAttributeView(partial, PosixFileAttributeView.class) != null) {
				Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
			}
			try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial))) {
				out.write(toXml(site).getBytes(StandardCharsets.UTF_8));
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(partial);
		}
	}
}
