package io.github.landmarkj.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits and quotes single CSV lines (RFC 4180 quoting, no line breaks inside fields). */
final class CsvLine {
	private CsvLine() {
	}

	/** The fields of {@code line}, each trimmed; null when the line has an unterminated quote. */
	static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				} else if (c == '"') {
					quoted = false;
				} else {
					field.append(c);
				}
			} else if (c == '"') {
				quoted = true;
			} else if (c == ',') {
				fields.add(field.toString().trim());
				field.setLength(0);
			} else {
				field.append(c);
			}
		}
		if (quoted) {
			return null;
		}
		fields.add(field.toString().trim());
		return fields;
	}

	/** {@code value} quoted when it holds a comma, quote or line break, as is otherwise. */
	static String quote(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	/** Removes a UTF-8 byte order mark, which spreadsheet programs put before the header. */
	static String stripBom(String line) {
		return line.startsWith("\uFEFF") ? line.substring(1) : line;
	}

	/** A number with three decimals and a dot whatever the user's locale. */
	static String format3(double v) {
		return String.format(Locale.ROOT, "%.3f", v);
	}
}
