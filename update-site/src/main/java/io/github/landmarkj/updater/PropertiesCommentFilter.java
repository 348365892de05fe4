package io.github.landmarkj.updater;

import java.io.ByteArrayOutputStream;

/**
 * The Fiji Updater's treatment of {@code .properties} entries in a jar: {@code java.util.Properties}
 * writes the build date into a comment, so comment text must not change the checksum.
 *
 * <p>This ports the state machine of the updater's {@code SkipHashedLines} byte for byte, including
 * its quirk: the stream only recognises a comment while it believes it is at a line start, and an
 * empty line or a line holding just {@code #} leaves it believing it is not, so the {@code #} line
 * after one of those is kept whole. Checksums already published on update sites depend on that quirk.
 */
final class PropertiesCommentFilter {
	private static final int EOF = -1;

	private final byte[] in;
	private int position;
	private boolean atLineStart = true;

	private PropertiesCommentFilter(byte[] in) {
		this.in = in;
	}

	/** The bytes the updater digests for a {@code .properties} entry with the given content. */
	static byte[] filter(byte[] content) {
		PropertiesCommentFilter filter = new PropertiesCommentFilter(content);
		ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
		for (int ch = filter.read(); ch != EOF; ch = filter.read()) {
			out.write(ch);
		}
		return out.toByteArray();
	}

	private int next() {
		return position < in.length ? in[position++] & 0xff : EOF;
	}

	/*
	 * The original reads recursively; this is the same machine unrolled. At a line start a '#'
	 * swallows further '#'s (each one restarts the comment in the original), then: a line break
	 * ends the comment but clears the line-start flag; anything else is skipped up to and including
	 * the next line break, which sets the flag again.
	 */
	private int read() {
		int ch = next();
		if (!atLineStart) {
			if (ch == '\n') {
				atLineStart = true;
			}
			return ch;
		}
		if (ch != '#') {
			atLineStart = false;
			return ch;
		}
		do {
			ch = next();
		} while (ch == '#');
		atLineStart = false;
		if (ch == '\n' || ch == EOF) {
			return ch;
		}
		do {
			ch = next();
		} while (ch != '\n' && ch != EOF);
		if (ch == '\n') {
			atLineStart = true;
		}
		return ch;
	}
}
