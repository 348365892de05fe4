package io.github.landmarkj.eval;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.io.MalformedFileException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two files of the dlib runner ({@code scripts/dlib-compare/dlib_landmarks.cpp}): the faces it is given
 * ({@code image,x,y,width,height}, 0-based pixels) and the points and times it writes back. Both sides use
 * LandmarkJ's own convention, 0-based pixels with the centre of the top-left pixel at 0,0, which is also
 * dlib's (it samples {@code img[y][x]} at a point's rounded position): no coordinate is shifted here. The
 * ground truth's 1-based {@code .pts} files become 0-based when they are read ({@code io/PtsFormat}).
 */
final class DlibRunnerFiles {
	/** Points of dlib's 68-point model. */
	static final int POINTS = 68;

	private DlibRunnerFiles() {
	}

	/** A face for the runner: an image file and a face box in its 0-based pixels. */
	record Request(Path image, FaceBox box) {
	}

	/**
	 * One face the runner did: its row in the request file (0-based), median wall and thread-CPU time of the
	 * predictor call alone, the grey conversion of its whole image (once, not in the predictor's time), and the
	 * 68 points in 0-based pixels.
	 */
	record Result(int face, double predictorMillis, double predictorCpuMillis, double greyMillis, List<Point2> points) {
		Result {
			points = Collections.unmodifiableList(new ArrayList<>(points));
		}
	}

	/** Writes the request file: header, then one row per face with the image's absolute path. */
	static void writeRequests(Path file, List<Request> faces) throws IOException {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write("image,x,y,width,height\n");
			for (Request r : faces) {
				FaceBox b = r.box();
				w.write(quote(r.image().toAbsolutePath().toString()) + String.format(Locale.ROOT, ",%.6f,%.6f,%.6f,%.6f\n", b.x, b.y,
						b.width, b.height));
			}
		}
	}

	/** Reads the runner's output: header {@code face,image,predictor_ms,predictor_cpu_ms,grey_ms,x0..x67,y0..y67}. */
	static List<Result> readResults(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			throw new MalformedFileException(file, 0, "the file is empty; expected the dlib runner's header line");
		}
		List<String> header = split(lines.get(0));
		int face = column(file, header, "face"), wall = column(file, header, "predictor_ms"), cpu = column(file, header, "predictor_cpu_ms"),
				grey = column(file, header, "grey_ms");
		int[] xs = new int[POINTS], ys = new int[POINTS];
		for (int i = 0; i < POINTS; i++) {
			xs[i] = column(file, header, "x" + i);
			ys[i] = column(file, header, "y" + i);
		}
		List<Result> results = new ArrayList<>();
		for (int n = 1; n < lines.size(); n++) {
			if (lines.get(n).isBlank()) {
				continue;
			}
			List<String> f = split(lines.get(n));
			if (f.size() != header.size()) {
				throw new MalformedFileException(file, n + 1, f.size() + " fields, the header has " + header.size());
			}
			List<Point2> points = new ArrayList<>(POINTS);
			for (int i = 0; i < POINTS; i++) {
				points.add(new Point2(number(file, n, f.get(xs[i])), number(file, n, f.get(ys[i]))));
			}
			double index = number(file, n, f.get(face));
			if (index != Math.rint(index) || index < 0) {
				throw new MalformedFileException(file, n + 1, "face number " + f.get(face) + " is not a whole number >= 0");
			}
			results.add(new Result((int) index, number(file, n, f.get(wall)), number(file, n, f.get(cpu)), number(file, n, f.get(grey)),
					points));
		}
		return results;
	}

	/**
	 * Reads the runner's {@code --detect} output ({@code image,x,y,width,height,score}): detections by image path as
	 * written in the request file (absolute), each a box in the convention of the requests.
	 */
	static Map<Path, List<FaceBox>> readDetections(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			throw new MalformedFileException(file, 0, "the file is empty; expected the header image,x,y,width,height,score");
		}
		List<String> header = split(lines.get(0));
		int image = column(file, header, "image");
		int[] box = {column(file, header, "x"), column(file, header, "y"), column(file, header, "width"), column(file, header, "height"),
				column(file, header, "score")};
		Map<Path, List<FaceBox>> out = new LinkedHashMap<>();
		for (int n = 1; n < lines.size(); n++) {
			if (lines.get(n).isBlank()) {
				continue;
			}
			List<String> f = split(lines.get(n));
			if (f.size() != header.size()) {
				throw new MalformedFileException(file, n + 1, f.size() + " fields, the header has " + header.size());
			}
			double w = number(file, n, f.get(box[2])), h = number(file, n, f.get(box[3]));
			if (!(w > 0) || !(h > 0)) {
				throw new MalformedFileException(file, n + 1, "a detection needs a positive width and height, got " + w + " x " + h);
			}
			out.computeIfAbsent(Paths.get(f.get(image)), k -> new ArrayList<>())
					.add(new FaceBox(number(file, n, f.get(box[0])), number(file, n, f.get(box[1])), w, h, number(file, n, f.get(box[4]))));
		}
		return out;
	}

	private static int column(Path file, List<String> header, String name) throws MalformedFileException {
		int i = header.indexOf(name);
		if (i < 0) {
			throw new MalformedFileException(file, 1, "no column '" + name + "' in the header; is this the output of dlib_landmarks?");
		}
		return i;
	}

	private static double number(Path file, int lineIndex, String text) throws MalformedFileException {
		try {
			double v = Double.parseDouble(text.trim());
			if (Double.isFinite(v)) {
				return v;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new MalformedFileException(file, lineIndex + 1, "'" + text + "' is not a finite number");
	}

	/** A CSV field, quoted when it holds a comma, quote or line break (Commons CSV, as io/Csv writes). */
	static String quote(String s) {
		return CSVFormat.RFC4180.format(s);
	}

	/** Splits one CSV line whose fields may be quoted (Commons CSV). */
	static List<String> split(String line) {
		try (CSVParser parser = CSVParser.parse(line, CSVFormat.RFC4180)) {
			List<CSVRecord> records = parser.getRecords();
			return records.isEmpty() ? List.of("") : records.get(0).toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
