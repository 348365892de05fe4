package io.github.landmarkj.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * LandmarkJ's CSV dialect, read and written with Apache Commons CSV: RFC 4180 (a value with a comma,
 * quote or line break is quoted, quotes doubled), {@code \n} line ends, values trimmed on reading.
 */
final class Csv {
	/** How our files are written: values quoted only when they must be. */
	static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

	/** How users' files are read: blank lines skipped, spaces around values (and around quotes) dropped. */
	static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true)
			.setTrim(true).build();

	private Csv() {
	}

	/**
	 * A printer of records onto {@code out}. Not to be closed: closing it would close {@code out}, which
	 * its owner closes (and so commits); {@link CSVPrinter#flush()} it when done.
	 */
	static CSVPrinter printer(Writer out) throws IOException {
		return WRITE.print(out);
	}

	/** Removes a UTF-8 byte order mark, which spreadsheet programs put before the header. */
	static String stripBom(String text) {
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/** A number with three decimals and a dot whatever the user's locale. */
	static String format3(double v) {
		return String.format(Locale.ROOT, "%.3f", v);
	}
}
