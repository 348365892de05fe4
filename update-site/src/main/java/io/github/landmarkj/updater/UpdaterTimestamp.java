package io.github.landmarkj.updater;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The updater's timestamps: a date written {@code yyyyMMddHHmmss} and read as a number, e.g.
 * {@code 20261122001500}. They name stored files and order versions, so they must be real dates.
 */
public final class UpdaterTimestamp {
	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
			.withResolverStyle(ResolverStyle.STRICT);

	private UpdaterTimestamp() {
	}

	/** Checks and converts {@code yyyyMMddHHmmss}. */
	public static long parse(String text) {
		if (text == null || !text.matches("\\d{14}")) {
			throw new IllegalArgumentException("An updater timestamp is yyyyMMddHHmmss (14 digits), got " + text);
		}
		try {
			LocalDateTime.parse(text, FORMAT);
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("Not a date and time: " + text + " (" + e.getMessage() + ")", e);
		}
		return Long.parseLong(text);
	}

	/** The timestamp of an instant, in UTC so that builds on different machines agree. */
	public static long of(Instant instant) {
		return Long.parseLong(FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
	}
}
