package io.github.landmarkj.batch;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.detect.FaceFinder;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.io.BatchReportFiles;
import io.github.landmarkj.io.BoxFile;
import io.github.landmarkj.io.ImageFiles;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Landmarks for every matching image of a folder. Faces come from the box file, else from the face
 * detector (or the whole image, when no detector is set). Each worker thread has its own networks
 * (they are not thread-safe); a file that cannot be read or analysed is reported in {@code errors.csv} and
 * the batch goes on; an image whose outputs exist is skipped unless overwriting was asked for.
 * Output files mirror the input's sub-folders.
 */
public final class FolderBatch {
	public static final String SUMMARY = "summary.csv";
	public static final String ERRORS = "errors.csv";

	private final BatchOptions options;

	public FolderBatch(BatchOptions options) {
		this.options = options;
	}

	/** The images the batch would process, sorted. */
	public List<Path> files() throws IOException {
		if (!Files.isDirectory(options.input)) {
			throw new IOException("Input folder " + options.input + " does not exist or is not a folder");
		}
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + options.pattern);
		Path outputAbs = options.output.toAbsolutePath().normalize();
		try (Stream<Path> s = options.recursive ? Files.walk(options.input) : Files.list(options.input)) {
			return s.filter(Files::isRegularFile)
					.filter(p -> matcher.matches(p.getFileName()))
					.filter(p -> !p.toAbsolutePath().normalize().startsWith(outputAbs) || outputAbs.equals(options.input.toAbsolutePath().normalize()))
					.filter(p -> !isOwnOutput(p))
					.sorted()
					.collect(Collectors.toList());
		}
	}

	private boolean isOwnOutput(Path p) {
		String name = p.getFileName().toString();
		return name.endsWith("_annotated.png") || name.equals(SUMMARY) || name.equals(ERRORS);
	}

	public BatchSummary run(ProgressListener listener, BooleanSupplier cancelled) throws IOException {
		List<Path> files = files();
		Map<String, List<FaceBox>> boxes = options.boxes == null ? Collections.emptyMap() : BoxFile.read(options.boxes);
		Files.createDirectories(options.output);
		BatchReportFiles.Row[] rows = new BatchReportFiles.Row[files.size()];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		long start = System.nanoTime();
		List<Thread> workers = new ArrayList<>();
		List<Exception> fatal = Collections.synchronizedList(new ArrayList<>());
		int threads = Math.max(1, Math.min(options.threads, files.size()));
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				try (LandmarkDetector detector = LandmarkDetector.open(options.model, options.device);
						FaceFinder finder = options.detection == null ? null : options.detection.open(detector, options.device)) {
					for (int i = next.getAndIncrement(); i < files.size() && !cancelled.getAsBoolean(); i = next.getAndIncrement()) {
						rows[i] = process(files.get(i), detector, finder, boxes);
						if ("error".equals(rows[i].status)) {
							failed.incrementAndGet();
						} else if ("ok".equals(rows[i].status) && rows[i].faces == 0) {
							listener.noFace(rows[i].image);
						}
						int d = done.incrementAndGet();
						double elapsed = (System.nanoTime() - start) / 1e9;
						listener.progress(d, files.size(), failed.get(), elapsed / d * (files.size() - d), rows[i].image);
					}
				} catch (IOException | RuntimeException e) {
					fatal.add(e);
				}
			}, "landmarkj-batch-" + t);
			workers.add(worker);
			worker.start();
		}
		for (Thread w : workers) {
			try {
				w.join();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("Batch interrupted", e);
			}
		}
		if (!fatal.isEmpty() && done.get() == 0) {
			Exception e = fatal.get(0);
			throw e instanceof IOException ? (IOException) e : new IOException(e.getMessage(), e);
		}
		List<BatchReportFiles.Row> finished = new ArrayList<>();
		int processed = 0, skipped = 0, faces = 0;
		for (BatchReportFiles.Row r : rows) {
			if (r == null) {
				continue;
			}
			finished.add(r);
			if ("ok".equals(r.status)) {
				processed++;
				faces += r.faces;
			} else if ("skipped-existing".equals(r.status)) {
				skipped++;
			}
		}
		Path summary = options.output.resolve(SUMMARY);
		Path errors = options.output.resolve(ERRORS);
		BatchReportFiles.writeSummary(summary, finished);
		BatchReportFiles.writeErrors(errors, finished);
		return new BatchSummary(processed, skipped, failed.get(), faces, cancelled.getAsBoolean() && finished.size() < files.size(),
				summary, errors);
	}

	private BatchReportFiles.Row process(Path file, LandmarkDetector detector, FaceFinder finder, Map<String, List<FaceBox>> boxes) {
		Path relative = options.input.relativize(file);
		String name = relative.toString().replace('\\', '/');
		String fileName = file.getFileName().toString();
		int dot = fileName.lastIndexOf('.');
		String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
		Path folder = relative.getParent() == null ? options.output : options.output.resolve(relative.getParent());
		ImageOutputs outputs = new ImageOutputs(folder, stem);
		if (outputs.exist() && !options.overwrite) {
			return new BatchReportFiles.Row(name, "skipped-existing", 0, Double.NaN, "");
		}
		try {
			RgbImage image = ImageFiles.read(file);
			List<FaceBox> faceBoxes = boxes.getOrDefault(fileName, boxes.get(name));
			if (faceBoxes == null) {
				faceBoxes = finder != null ? finder.boxes(image) : Collections.singletonList(detector.wholeImageBox(image.width(), image.height()));
			}
			// No face found still writes the (empty) CSV and JSON: they say the image was looked at.
			List<FaceResult> faces = faceBoxes.isEmpty() ? Collections.emptyList() : detector.detect(image, faceBoxes);
			outputs.write(name, image, faces, detector.modelPackage().spec().scheme, options.overwrite, options.annotatedPng);
			double meanConfidence = faces.stream().mapToDouble(f -> f.landmarks.meanConfidence()).average().orElse(Double.NaN);
			return new BatchReportFiles.Row(name, "ok", faces.size(), meanConfidence, "");
		} catch (IOException | RuntimeException e) {
			String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			return new BatchReportFiles.Row(name, "error", 0, Double.NaN, reason);
		}
	}
}
