package io.github.landmarkj.batch;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.detect.FaceFinder;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.io.BatchReportFiles;
import io.github.landmarkj.io.BoxFile;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.io.ImageStatus;
import io.github.landmarkj.io.OutputFiles;
import io.github.landmarkj.io.OutputFolders;
import io.github.landmarkj.io.UserMessages;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Landmarks for every matching image of a folder. Faces come from the box file, else from the face
 * detector (or the whole image, when no detector is set). Each worker thread has its own networks
 * (they are not thread-safe); a file that cannot be read or analysed is reported in {@code errors.csv} and
 * the batch goes on. Output files mirror the input's sub-folders and are named by {@link OutputStems}.
 * <p>
 * Reruns: {@link BatchJournal} records each finished image; an image whose recorded outputs all exist is
 * skipped unless overwriting was asked for, and files of the output folder that an earlier run wrote are
 * never taken for input (so the output folder may be the input folder or hold it). {@code summary.csv}
 * and {@code errors.csv} describe every image the output folder has results for, from this run and the
 * earlier ones. Nothing in the input folder is modified.
 */
public final class FolderBatch {
	public static final String SUMMARY = "summary.csv";
	public static final String ERRORS = "errors.csv";
	public static final String JOURNAL = BatchJournal.FILE;

	private final BatchOptions options;

	public FolderBatch(BatchOptions options) {
		this.options = options;
	}

	/** The images the batch would process, sorted. */
	public List<Path> files() throws IOException {
		return files(BatchJournal.read(options.output));
	}

	private List<Path> files(Map<String, ImageRecord> earlier) throws IOException {
		if (!Files.isDirectory(options.input)) {
			throw new IOException("Input folder " + options.input + " does not exist or is not a folder");
		}
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + options.pattern);
		Set<Path> own = ownFiles(earlier);
		try (Stream<Path> s = options.recursive ? Files.walk(options.input) : Files.list(options.input)) {
			return s.filter(Files::isRegularFile)
					.filter(p -> matcher.matches(p.getFileName()))
					.filter(p -> !p.getFileName().toString().endsWith(OutputFiles.TEMPORARY_SUFFIX))
					.filter(p -> !own.contains(p.toAbsolutePath().normalize()))
					.sorted()
					.collect(Collectors.toList());
		}
	}

	/** The files this tool wrote into the output folder: reports, the journal, and every output it recorded. */
	private Set<Path> ownFiles(Map<String, ImageRecord> earlier) {
		Path root = options.output.toAbsolutePath().normalize();
		Set<Path> own = new HashSet<>();
		own.add(root.resolve(SUMMARY));
		own.add(root.resolve(ERRORS));
		own.add(root.resolve(JOURNAL));
		for (ImageRecord r : earlier.values()) {
			for (String o : r.outputs) {
				own.add(root.resolve(o).normalize());
			}
		}
		return own;
	}

	/**
	 * Fails, before any work, when the output folder cannot be created or written to (a file in its
	 * place, no permission, a read-only disk).
	 */
	public void checkOutputFolder() throws IOException {
		OutputFolders.requireWritable(options.output);
		Files.createDirectories(options.output);
	}

	public BatchSummary run(ProgressListener listener, BooleanSupplier cancelled) throws IOException {
		checkOutputFolder();
		Map<String, ImageRecord> earlier = BatchJournal.read(options.output);
		List<Path> files = files(earlier);
		BoxAssignment boxes = BoxAssignment.of(options.boxes == null ? BoxAssignment.none() : BoxFile.read(options.boxes), files,
				options.input);
		for (String w : boxes.unmatched()) {
			listener.warning(w);
		}
		Map<Path, String> stems = OutputStems.assign(files);
		Set<Path> inputs = new HashSet<>();
		for (Path f : files) {
			inputs.add(f.toAbsolutePath().normalize());
		}
		if (options.boxes != null) {
			inputs.add(options.boxes.toAbsolutePath().normalize());
		}
		ImageRecord[] records = new ImageRecord[files.size()];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		long start = System.nanoTime();
		List<Thread> workers = new ArrayList<>();
		List<Throwable> fatal = Collections.synchronizedList(new ArrayList<>());
		int threads = Math.max(1, Math.min(options.threads, files.size()));
		try (BatchJournal journal = BatchJournal.open(options.output)) {
			for (int t = 0; t < threads; t++) {
				Thread worker = new Thread(() -> {
					try (LandmarkDetector detector = LandmarkDetector.open(options.model, options.device, options.augmentation);
							FaceFinder finder = options.detection == null ? null : options.detection.open(detector, options.device)) {
						for (int i = next.getAndIncrement(); i < files.size() && !cancelled.getAsBoolean(); i = next.getAndIncrement()) {
							Path file = files.get(i);
							ImageRecord r = process(file, stems.get(file), detector, finder, boxes.boxesOf(file), earlier, inputs, journal);
							if (r.status != ImageStatus.SKIPPED_EXISTING) {
								journal.append(r);
							}
							records[i] = r;
							if (r.status == ImageStatus.ERROR) {
								failed.incrementAndGet();
							} else if (r.status == ImageStatus.OK && r.faces == 0) {
								listener.noFace(r.image);
							}
							int d = done.incrementAndGet();
							double elapsed = (System.nanoTime() - start) / 1e9;
							listener.progress(d, files.size(), failed.get(), elapsed / d * (files.size() - d), r.image);
						}
					} catch (IOException | RuntimeException | OutOfMemoryError e) {
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
		}
		if (!fatal.isEmpty() && done.get() == 0 && !files.isEmpty()) {
			Throwable e = fatal.get(0);
			throw e instanceof IOException ? (IOException) e : new IOException(UserMessages.describe(e), e);
		}
		return finish(earlier, files, records, failed.get(), cancelled.getAsBoolean(), boxes.unmatched(), fatal);
	}

	private BatchSummary finish(Map<String, ImageRecord> earlier, List<Path> files, ImageRecord[] records, int failed, boolean cancelled,
			List<String> unmatchedBoxes, List<Throwable> fatal) throws IOException {
		// Earlier results stay in the reports; this run's replace them image by image.
		Map<String, ImageRecord> merged = new LinkedHashMap<>(earlier);
		int processed = 0, skipped = 0, faces = 0, finished = 0;
		for (ImageRecord r : records) {
			if (r == null) {
				continue;
			}
			finished++;
			if (r.status == ImageStatus.OK) {
				processed++;
				faces += r.faces;
			} else if (r.status == ImageStatus.SKIPPED_EXISTING) {
				skipped++;
				continue;
			}
			merged.put(r.image, r);
		}
		Map<String, ImageRecord> sorted = new TreeMap<>(merged);
		BatchJournal.rewrite(options.output, sorted.values());
		List<BatchReportFiles.Row> rows = sorted.values().stream().map(ImageRecord::toRow).collect(Collectors.toList());
		Path summary = options.output.resolve(SUMMARY);
		Path errors = options.output.resolve(ERRORS);
		BatchReportFiles.writeSummary(summary, rows);
		BatchReportFiles.writeErrors(errors, rows);
		List<String> problems = new ArrayList<>(unmatchedBoxes);
		for (Throwable t : fatal) {
			problems.add("A worker stopped: " + UserMessages.describe(t));
		}
		return new BatchSummary(processed, skipped, failed, faces, cancelled && finished < files.size(), summary, errors, problems);
	}

	private ImageRecord process(Path file, String stem, LandmarkDetector detector, FaceFinder finder, List<FaceBox> given,
			Map<String, ImageRecord> earlier, Set<Path> inputs, BatchJournal journal) {
		Path relative = options.input.relativize(file);
		String name = relative.toString().replace('\\', '/');
		Path folder = relative.getParent() == null ? options.output : options.output.resolve(relative.getParent());
		ImageOutputs outputs = new ImageOutputs(folder, stem);
		ImageRecord before = earlier.get(name);
		List<String> recorded = before == null ? Collections.emptyList() : before.outputs;
		if (!options.overwrite && before != null && before.finishedIn(options.output)
				&& (!options.annotatedPng || recorded.contains(outputName(outputs.annotatedPng())))) {
			return before.withStatus(ImageStatus.SKIPPED_EXISTING);
		}
		Set<Path> replaceable = new HashSet<>();
		for (String o : recorded) {
			replaceable.add(options.output.resolve(o).toAbsolutePath().normalize());
		}
		try {
			RgbImage image = ImageFiles.read(file);
			List<FaceBox> faceBoxes = given;
			if (faceBoxes == null) {
				// The detector sees "no data" (NaN) as black; the landmark pass refuses faces that read it.
				faceBoxes = finder != null ? finder.boxes(image)
						: Collections.singletonList(detector.wholeImageBox(image.width(), image.height()));
			}
			// No face found still writes the (empty) CSV and JSON: they say the image was looked at.
			List<FaceResult> faces = faceBoxes.isEmpty() ? Collections.emptyList() : detector.detect(image, faceBoxes);
			List<String> names = RecordedOutputs.write(journal, options.output, name, outputs, recorded, image, faces,
					detector.modelPackage().spec().scheme, p -> !inputs.contains(p.toAbsolutePath().normalize())
							&& (options.overwrite || replaceable.contains(p.toAbsolutePath().normalize())), options.annotatedPng);
			double meanConfidence = faces.stream().mapToDouble(f -> f.landmarks().meanConfidence()).average().orElse(Double.NaN);
			return new ImageRecord(name, ImageStatus.OK, faces.size(), meanConfidence, "", names);
		} catch (IOException | RuntimeException | OutOfMemoryError e) {
			// Earlier outputs, if any, are still on disk and still this tool's.
			return ImageRecord.error(name, UserMessages.describe(e), recorded);
		}
	}

	private String outputName(Path p) {
		return RecordedOutputs.name(options.output, p);
	}
}
