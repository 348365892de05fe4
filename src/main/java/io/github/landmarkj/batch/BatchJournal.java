package io.github.landmarkj.batch;

import io.github.landmarkj.io.ImageStatus;
import io.github.landmarkj.io.OutputFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code landmarkj-outputs.tsv} in a batch's output folder: one line per image analysed, appended (and
 * flushed) as soon as all of that image's outputs are written, so that it survives a crash or a killed
 * process. It is how LandmarkJ knows, on a rerun, which results are finished (an image is done only when
 * its line says ok and every file it lists exists), which files are its own outputs (never taken for
 * input, even when the output folder holds the input), and what earlier runs found (kept in
 * {@code summary.csv}). A line cut short by a crash is ignored. At the end of a run the file is rewritten,
 * atomically, with the latest line of each image.
 * <p>
 * Columns, tab-separated, with backslash escapes for tab, line break and backslash: image, status, faces,
 * mean confidence, reason, then the output files relative to the output folder.
 */
final class BatchJournal implements AutoCloseable {
	static final String FILE = "landmarkj-outputs.tsv";
	private static final String HEADER = "image\tstatus\tfaces\tmean_confidence\treason\toutputs...";

	private final Writer writer;

	private BatchJournal(Writer writer) {
		this.writer = writer;
	}

	/** The latest record of each image, in the order images first appear. */
	static Map<String, ImageRecord> read(Path outputFolder) throws IOException {
		Path file = outputFolder.resolve(FILE);
		Map<String, ImageRecord> records = new LinkedHashMap<>();
		if (!Files.isRegularFile(file)) {
			return records;
		}
		String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		String[] lines = text.split("\n", -1);
		// The last piece follows the last line break: empty, or a line a crash cut short.
		for (int i = 0; i < lines.length - 1; i++) {
			ImageRecord r = parse(lines[i]);
			if (r != null) {
				records.remove(r.image);
				records.put(r.image, r);
			}
		}
		return records;
	}

	private static ImageRecord parse(String line) {
		if (line.isEmpty() || line.equals(HEADER)) {
			return null;
		}
		String[] f = line.split("\t", -1);
		if (f.length < 5) {
			return null;
		}
		try {
			List<String> outputs = new ArrayList<>();
			for (int i = 5; i < f.length; i++) {
				outputs.add(unescape(f[i]));
			}
			return new ImageRecord(unescape(f[0]), ImageStatus.parse(f[1]), Integer.parseInt(f[2]),
					f[3].isEmpty() ? Double.NaN : Double.parseDouble(f[3]), unescape(f[4]), outputs);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** Opens the journal for appending, creating it with its header. */
	static BatchJournal open(Path outputFolder) throws IOException {
		Path file = outputFolder.resolve(FILE);
		boolean fresh = !Files.exists(file);
		Writer w = new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND, StandardOpenOption.WRITE), StandardCharsets.UTF_8));
		if (fresh) {
			w.write(HEADER + "\n");
			w.flush();
		}
		return new BatchJournal(w);
	}

	synchronized void append(ImageRecord r) throws IOException {
		writer.write(format(r));
		writer.flush();
	}

	/** Replaces the journal, atomically, by one line per record. */
	static void rewrite(Path outputFolder, Collection<ImageRecord> records) throws IOException {
		OutputFiles.writeText(outputFolder.resolve(FILE), true, w -> {
			w.write(HEADER + "\n");
			for (ImageRecord r : records) {
				w.write(format(r));
			}
		});
	}

	private static String format(ImageRecord r) {
		List<String> f = new ArrayList<>(Arrays.asList(escape(r.image), r.status.label(), Integer.toString(r.faces),
				Double.isNaN(r.meanConfidence) ? "" : String.format(Locale.ROOT, "%.6f", r.meanConfidence), escape(r.reason)));
		for (String o : r.outputs) {
			f.add(escape(o));
		}
		return String.join("\t", f) + "\n";
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static String unescape(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\' && i + 1 < s.length()) {
				char n = s.charAt(++i);
				b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
			} else {
				b.append(c);
			}
		}
		return b.toString();
	}

	@Override
	public void close() throws IOException {
		writer.close();
	}
}
