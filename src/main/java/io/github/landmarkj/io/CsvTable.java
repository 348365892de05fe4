package io.github.landmarkj.io;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file with a header row, read whole (with Apache Commons CSV, so quoted values may hold commas,
 * quotes and line breaks). Columns are found by name (case-insensitive) so that users may reorder them
 * or add their own; blank lines are ignored; every error names the file and line.
 */
final class CsvTable {
	private final Path file;
	private final Map<String, Integer> columns;
	private final List<Row> rows;

	private CsvTable(Path file, Map<String, Integer> columns, List<Row> rows) {
		this.file = file;
		this.columns = columns;
		this.rows = rows;
	}

	static CsvTable read(Path file, List<String> requiredColumns) throws IOException {
		String text;
		try {
			text = Csv.stripBom(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString());
		} catch (CharacterCodingException e) {
			throw new MalformedFileException(file, 0, "not a UTF-8 text file", e);
		}
		LineNumbers lines = new LineNumbers(text);
		Map<String, Integer> columns = null;
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, Csv.READ)) {
			for (CSVRecord record : parser) {
				if (record.size() == 1 && record.get(0).isEmpty()) {
					continue; // a line of spaces
				}
				int line = lines.of(record.getCharacterPosition());
				List<String> fields = record.toList();
				if (columns == null) {
					columns = header(file, line, fields, requiredColumns);
				} else {
					rows.add(new Row(file, line, fields));
				}
			}
		} catch (UncheckedIOException e) {
			// Commons CSV's message names the line where the unclosed value starts
			throw new MalformedFileException(file, 0, "a quoted value is not closed, or text follows a closing quote ("
					+ e.getCause().getMessage() + ")", e);
		}
		if (columns == null) {
			throw new MalformedFileException(file, 0, "the file is empty; expected a header line "
					+ String.join(",", requiredColumns));
		}
		return new CsvTable(file, columns, Collections.unmodifiableList(rows));
	}

	/** 1-based line numbers of character positions in a text. */
	private static final class LineNumbers {
		private final String text;
		private final List<Integer> starts = new ArrayList<>();

		LineNumbers(String text) {
			this.text = text;
			starts.add(0);
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
					starts.add(i + 1);
				}
			}
		}

		/** The line of the first character at or after {@code position} that is not a space or line break. */
		int of(long position) {
			int p = (int) position;
			// a record's position is where its reading started, before the blank lines the parser skipped
			while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
				p++;
			}
			int i = Collections.binarySearch(starts, p);
			return i >= 0 ? i + 1 : -i - 1;
		}
	}

	private static Map<String, Integer> header(Path file, int line, List<String> fields, List<String> required)
			throws MalformedFileException {
		Map<String, Integer> columns = new HashMap<>();
		for (int c = 0; c < fields.size(); c++) {
			columns.putIfAbsent(fields.get(c).toLowerCase(Locale.ROOT), c);
		}
		for (String name : required) {
			if (!columns.containsKey(name)) {
				throw new MalformedFileException(file, line, "the header has no column '" + name + "'; expected a header line "
						+ String.join(",", required) + ", got " + String.join(",", fields));
			}
		}
		return columns;
	}

	Path file() {
		return file;
	}

	boolean hasColumn(String name) {
		return columns.containsKey(name);
	}

	List<Row> rows() {
		return rows;
	}

	String text(Row row, String column) throws MalformedFileException {
		Integer c = columns.get(column);
		if (c == null || c >= row.fields.size()) {
			throw row.error("missing value for column '" + column + "' (the row has " + row.fields.size() + " fields)");
		}
		return row.fields.get(c);
	}

	double number(Row row, String column) throws MalformedFileException {
		String s = text(row, column);
		try {
			double v = Double.parseDouble(s);
			if (Double.isNaN(v) || Double.isInfinite(v)) {
				throw row.error("column '" + column + "' must be a finite number, got '" + s + "'");
			}
			return v;
		} catch (NumberFormatException e) {
			throw row.error("column '" + column + "' must be a number, got '" + s + "'");
		}
	}

	int integer(Row row, String column) throws MalformedFileException {
		String s = text(row, column);
		try {
			return Integer.parseInt(s);
		} catch (NumberFormatException e) {
			throw row.error("column '" + column + "' must be a whole number, got '" + s + "'");
		}
	}

	/** 0/1 or false/true. */
	boolean flag(Row row, String column) throws MalformedFileException {
		String s = text(row, column).toLowerCase(Locale.ROOT);
		if (s.equals("1") || s.equals("true")) {
			return true;
		}
		if (s.equals("0") || s.equals("false")) {
			return false;
		}
		throw row.error("column '" + column + "' must be 0 or 1, got '" + s + "'");
	}

	/** One data line. */
	static final class Row {
		private final Path file;
		final int line;
		private final List<String> fields;

		private Row(Path file, int line, List<String> fields) {
			this.file = file;
			this.line = line;
			this.fields = Collections.unmodifiableList(fields);
		}

		MalformedFileException error(String problem) {
			return new MalformedFileException(file, line, problem);
		}
	}
}
