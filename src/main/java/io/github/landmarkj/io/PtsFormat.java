package io.github.landmarkj.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.landmarkj.core.Point2;

/**
 * The iBUG 300-W {@code .pts} format: {@code version: 1}, {@code n_points: N}, <code>{</code>, N lines
 * {@code x y}, <code>}</code>. Its coordinates are 1-based (the centre of the top-left pixel is 1,1), so
 * reading subtracts 1 and writing adds 1: everything inside LandmarkJ is 0-based.
 */
public final class PtsFormat {
	private PtsFormat() {
	}

	/** The points of {@code file} in 0-based pixels. */
	public static List<Point2> read(Path file) throws IOException {
		// ISO-8859-1 decodes any byte, so a binary file gives a format error rather than a charset error.
		List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
		int declared = -1;
		int i = 0;
		for (; i < lines.size(); i++) {
			String line = clean(lines.get(i));
			if (line.isEmpty()) {
				continue;
			}
			if (line.equals("{")) {
				break;
			}
			int colon = line.indexOf(':');
			if (colon < 0) {
				throw new MalformedFileException(file, i + 1, "expected a header line such as 'n_points: 68' or '{', got '"
						+ line + "'; is this a 300-W .pts file?");
			}
			if (line.substring(0, colon).trim().equals("n_points")) {
				declared = parseCount(file, i + 1, line.substring(colon + 1).trim());
			}
		}
		if (i == lines.size()) {
			throw new MalformedFileException(file, 0, "no '{' line opening the point list; is this a 300-W .pts file?");
		}
		if (declared < 0) {
			throw new MalformedFileException(file, 0, "the header has no 'n_points:' line");
		}
		List<Point2> points = new ArrayList<>(declared);
		for (i++; i < lines.size(); i++) {
			String line = clean(lines.get(i));
			if (line.isEmpty()) {
				continue;
			}
			if (line.equals("}")) {
				if (points.size() != declared) {
					throw new MalformedFileException(file, i + 1, "the header declares n_points: " + declared + " but "
							+ points.size() + " points were found");
				}
				return Collections.unmodifiableList(points);
			}
			if (points.size() == declared) {
				throw new MalformedFileException(file, i + 1, "more points than n_points: " + declared
						+ " (or a missing '}')");
			}
			points.add(parsePoint(file, i + 1, line));
		}
		throw new MalformedFileException(file, 0, "no '}' line closing the point list; the file may be truncated");
	}

	/**
	 * Writes {@code zeroBased} (0-based pixels) as a 1-based {@code .pts} file with three decimals. An
	 * existing file is kept, and an exception thrown, unless {@code overwrite}.
	 */
	public static void write(Path file, List<Point2> zeroBased, boolean overwrite) throws IOException {
		OutputFiles.writeText(file, overwrite, w -> {
			w.write("version: 1\n");
			w.write("n_points: " + zeroBased.size() + "\n");
			w.write("{\n");
			for (Point2 p : zeroBased) {
				w.write(Csv.format3(p.x + 1) + " " + Csv.format3(p.y + 1) + "\n");
			}
			w.write("}\n");
		});
	}

	private static String clean(String line) {
		return Csv.stripBom(line).trim();
	}

	private static int parseCount(Path file, int line, String value) throws MalformedFileException {
		try {
			int n = Integer.parseInt(value);
			if (n < 0) {
				throw new MalformedFileException(file, line, "n_points must not be negative, got " + n);
			}
			return n;
		} catch (NumberFormatException e) {
			throw new MalformedFileException(file, line, "n_points must be a whole number, got '" + value + "'");
		}
	}

	private static Point2 parsePoint(Path file, int line, String text) throws MalformedFileException {
		String[] parts = text.split("\\s+");
		if (parts.length != 2) {
			throw new MalformedFileException(file, line, "expected two numbers 'x y', got '" + text + "'");
		}
		try {
			double x = Double.parseDouble(parts[0]);
			double y = Double.parseDouble(parts[1]);
			if (!Double.isFinite(x) || !Double.isFinite(y)) {
				throw new MalformedFileException(file, line, "coordinates must be finite, got '" + text + "'");
			}
			return new Point2(x - 1, y - 1);
		} catch (NumberFormatException e) {
			throw new MalformedFileException(file, line, "expected two numbers 'x y', got '" + text + "'");
		}
	}
}
