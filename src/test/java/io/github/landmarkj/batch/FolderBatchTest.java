package io.github.landmarkj.batch;

import ai.djl.Device;
import io.github.landmarkj.engine.TestModels;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.core.RgbImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folder batch's promises about files: nothing lost, nothing mistaken, nothing of the user's touched. */
class FolderBatchTest {
	@TempDir
	static Path modelDir;
	private static String model;
	@TempDir
	Path in;
	@TempDir
	Path work;

	@BeforeAll
	static void tinyModel() throws IOException {
		model = TestModels.untrainedFace68(modelDir).toString();
	}

	private static Path photo() {
		return Paths.get("samples", "astronaut.png").toAbsolutePath();
	}

	private static void grey(Path file, int size) throws IOException {
		float[] v = new float[size * size];
		for (int i = 0; i < v.length; i++) {
			v[i] = (i * 37) % 251;
		}
		ImageFiles.writePng(RgbImage.fromGrey(size, size, v), file, false);
	}

	private BatchOptions options(Path input, String pattern, boolean recursive, Path output, boolean overwrite, int threads, Path boxes) {
		return new BatchOptions(input, pattern, recursive, output, overwrite, true, threads, model, Device.cpu(), boxes, null);
	}

	private static BatchSummary run(BatchOptions o) throws IOException {
		return new FolderBatch(o).run(ProgressListener.silent(), () -> false);
	}

	private static String read(Path p) throws IOException {
		return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> s = Files.walk(folder)) {
			return s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted()
					.collect(Collectors.toList());
		}
	}

	@Test
	void aRerunSkipsFinishedImagesAndKeepsTheEarlierResultsInTheSummary() throws Exception {
		grey(in.resolve("a.png"), 64);
		grey(in.resolve("b.png"), 80);
		Path out = work.resolve("out");
		BatchSummary first = run(options(in, "*.png", false, out, false, 2, null));
		assertEquals(2, first.processed());
		String summary = read(out.resolve("summary.csv"));

		BatchSummary second = run(options(in, "*.png", false, out, false, 2, null));
		assertEquals(0, second.processed());
		assertEquals(2, second.skippedExisting());
		assertEquals(summary, read(out.resolve("summary.csv")), "the rerun keeps the first run's rows, not 'skipped-existing'");
		assertTrue(summary.contains("a.png,ok,1,") && summary.contains("b.png,ok,1,"), summary);
	}

	@Test
	void anOutputNotRecordedAsFinishedIsNeitherSkippedNorReplaced() throws Exception {
		grey(in.resolve("a.png"), 64);
		Path out = Files.createDirectories(work.resolve("out"));
		// What a full disk or a killed process left by an older version: an empty CSV, no record.
		Files.write(out.resolve("a.csv"), new byte[0]);
		BatchSummary s = run(options(in, "*.png", false, out, false, 1, null));
		assertEquals(1, s.failed());
		assertEquals(0, s.skippedExisting());
		assertEquals(0, Files.size(out.resolve("a.csv")), "kept: it may be the user's");
		assertTrue(read(out.resolve("errors.csv")).contains("a.csv: exists and is not a finished result"), read(out.resolve("errors.csv")));

		BatchSummary overwritten = run(options(in, "*.png", false, out, true, 1, null));
		assertEquals(1, overwritten.processed());
		assertTrue(Files.size(out.resolve("a.csv")) > 100);
		assertEquals("image,reason\n", read(out.resolve("errors.csv")), "the error of the earlier run is gone with its cause");
	}

	@Test
	void aResultWithAFileMissingIsDoneAgainAndAJournalLineCutShortIsIgnored() throws Exception {
		grey(in.resolve("a.png"), 64);
		grey(in.resolve("b.png"), 64);
		Path out = work.resolve("out");
		run(options(in, "*.png", false, out, false, 1, null));
		Files.delete(out.resolve("a_annotated.png"));
		// A second run killed while writing b: its claim on b's outputs is recorded, the line saying b is done was cut short.
		Path journal = out.resolve(FolderBatch.JOURNAL);
		String crashed = read(journal) + "b.png\terror\t0\t\tthe run stopped while this image's outputs were being written"
				+ "\tb.json\tb.pts\tb_annotated.png\tb.csv\n" + "b.png\tok\t1";
		Files.write(journal, crashed.getBytes(StandardCharsets.UTF_8));
		Files.delete(out.resolve("b.csv"));

		BatchSummary again = run(options(in, "*.png", false, out, false, 1, null));
		assertEquals(2, again.processed(), "neither counts as finished");
		assertTrue(Files.isRegularFile(out.resolve("a_annotated.png")));
		assertEquals(0, again.failed(), read(out.resolve("errors.csv")));
	}

	@Test
	void imagesWithTheSameStemGetTheirOwnOutputs() throws Exception {
		grey(in.resolve("x.png"), 64);
		ImageFiles.writePng(ImageFiles.read(photo()), in.resolve("x.bmp"), false);
		grey(in.resolve("y.png"), 64);
		grey(in.resolve("y_1.png"), 64); // its .pts would be the first of y's several faces
		Path out = work.resolve("out");
		BatchSummary s = run(options(in, "*", false, out, false, 2, null));
		assertEquals(4, s.processed(), read(out.resolve("errors.csv")));
		List<String> files = names(out);
		for (String f : new String[] {"x.png.csv", "x.bmp.csv", "x.png.json", "x.bmp.json", "x.png.pts", "x.bmp.pts",
				"x.png_annotated.png", "x.bmp_annotated.png", "y.png.csv", "y_1.png.csv"}) {
			assertTrue(files.contains(f), f + " in " + files);
		}
		assertTrue(read(out.resolve("x.bmp.json")).contains("\"image\": \"x.bmp\""));
		assertTrue(read(out.resolve("x.png.json")).contains("\"image\": \"x.png\""));

		// The same images give the same names again.
		run(options(in, "*", false, work.resolve("again"), false, 1, null));
		assertEquals(files.stream().filter(f -> !f.equals(FolderBatch.JOURNAL)).collect(Collectors.toList()),
				names(work.resolve("again")).stream().filter(f -> !f.equals(FolderBatch.JOURNAL)).collect(Collectors.toList()));
	}

	@Test
	void overwriteRemovesThePtsOfFacesNoLongerThere() throws Exception {
		Files.copy(photo(), in.resolve("a.png"));
		Path boxes = work.resolve("boxes.csv");
		Files.write(boxes, "image,x,y,width,height\na.png,170,88,106,100\na.png,300,300,120,110\n".getBytes(StandardCharsets.UTF_8));
		Path out = work.resolve("out");
		run(options(in, "*.png", false, out, false, 1, boxes));
		assertTrue(Files.exists(out.resolve("a_1.pts")) && Files.exists(out.resolve("a_2.pts")));

		Files.write(boxes, "image,x,y,width,height\na.png,170,88,106,100\n".getBytes(StandardCharsets.UTF_8));
		run(options(in, "*.png", false, out, true, 1, boxes));
		assertTrue(Files.exists(out.resolve("a.pts")));
		assertFalse(Files.exists(out.resolve("a_1.pts")), "stale");
		assertFalse(Files.exists(out.resolve("a_2.pts")), "stale");
	}

	@Test
	void anOutputFolderHoldingTheInputProcessesWhatWasNamedButNeverItsOwnOutputs() throws Exception {
		Path out = work;
		Path input = Files.createDirectories(out.resolve("photos"));
		grey(input.resolve("a.png"), 64);
		BatchSummary first = run(options(input, "*.png", false, out, false, 1, null));
		assertEquals(1, first.processed(), "the input lies inside the output folder and is still processed");
		assertTrue(Files.exists(out.resolve("a_annotated.png")));

		// Now the whole output folder is the input: the annotated PNG it wrote is not an image to analyse.
		BatchSummary second = run(options(out, "*.png", true, out, false, 1, null));
		assertEquals(1, second.processed() + second.skippedExisting() + second.failed());
		assertFalse(names(out).contains("a_annotated_annotated.png"));
		// A user's own image whose name looks like an output is analysed.
		grey(out.resolve("holiday_annotated.png"), 64);
		BatchSummary third = run(options(out, "*.png", false, out, false, 1, null));
		assertEquals(1, third.processed(), read(out.resolve("summary.csv")));
	}

	@Test
	void boxFileRowsThatMatchNoImageAreReportedWithAHint() throws Exception {
		grey(in.resolve("a.png"), 64);
		grey(in.resolve("b.png"), 64);
		Path boxes = work.resolve("boxes.csv");
		Files.write(boxes, ("image,x,y,width,height\nA.PNG,5,5,40,40\n" + in.resolve("b.png").toAbsolutePath() + ",5,5,40,40\n"
				+ "/elsewhere/c.png,5,5,40,40\n").getBytes(StandardCharsets.UTF_8));
		List<String> warnings = new ArrayList<>();
		BatchSummary s = new FolderBatch(options(in, "*.png", false, work.resolve("out"), false, 1, boxes)).run(new ProgressListener() {
			@Override
			public void progress(int done, int total, int failed, double remaining, String file) {
			}

			@Override
			public void warning(String message) {
				warnings.add(message);
			}
		}, () -> false);
		assertEquals(2, warnings.size(), warnings.toString());
		assertTrue(warnings.get(0).contains("'A.PNG'") && warnings.get(0).contains("did you mean 'a.png'"), warnings.get(0));
		assertTrue(warnings.get(1).contains("'/elsewhere/c.png'"), warnings.get(1));
		assertEquals(warnings, s.problems());
		assertTrue(read(work.resolve("out/b.json")).contains("\"width\": 40.0"), "an absolute path names an input image");
	}

	@Test
	void boxesOutsideTheImageOrOfAbsurdSizeAreRefusedWithTheBoxNamed() throws Exception {
		grey(in.resolve("far.png"), 64);
		grey(in.resolve("huge.png"), 64);
		grey(in.resolve("tiny.png"), 64);
		grey(in.resolve("good.png"), 64);
		Path boxes = work.resolve("boxes.csv");
		Files.write(boxes, ("image,x,y,width,height\nfar.png,5000,5000,40,40\nhuge.png,0,0,1e9,1e9\ntiny.png,10,10,0.001,0.001\n"
				+ "good.png,10,10,40,40\n").getBytes(StandardCharsets.UTF_8));
		Path out = work.resolve("out");
		BatchSummary s = run(options(in, "*.png", false, out, false, 1, boxes));
		assertEquals(3, s.failed());
		assertEquals(1, s.processed());
		String errors = read(out.resolve("errors.csv"));
		assertTrue(errors.contains("far.png,\"Face box 1") && errors.contains("lies outside the 64 x 64 image"), errors);
		assertTrue(errors.contains("huge.png") && errors.contains("more than 2 x the image's 64 px"), errors);
		assertTrue(errors.contains("tiny.png") && errors.contains("smaller than the 4 px"), errors);
		assertFalse(Files.exists(out.resolve("far.csv")));
	}

	@Test
	void outputProblemsAreFoundBeforeAnyWork() throws Exception {
		grey(in.resolve("a.png"), 64);
		Path file = Files.write(work.resolve("taken"), new byte[] {1});
		BatchOptions o = new BatchOptions(in, "*.png", false, file, false, false, 1, "no-such-model", Device.cpu(), null, null);
		// The model does not exist either: the output is checked first, before hours of work.
		assertThrows(NotDirectoryException.class, () -> run(o));
		BatchOptions below = new BatchOptions(in, "*.png", false, file.resolve("sub"), false, false, 1, "no-such-model", Device.cpu(),
				null, null);
		assertThrows(NotDirectoryException.class, () -> run(below));
		if (Files.isDirectory(java.nio.file.Paths.get("/proc/self"))) {
			// A file system that takes no files, as root too.
			BatchOptions proc = new BatchOptions(in, "*.png", false, java.nio.file.Paths.get("/proc/landmarkj-output"), false, false, 1,
					"no-such-model", Device.cpu(), null, null);
			java.nio.file.FileSystemException e = assertThrows(java.nio.file.FileSystemException.class, () -> run(proc));
			assertEquals("/proc/landmarkj-output", e.getFile());
		}
	}

	@Test
	void noInputFileIsEverModified() throws Exception {
		Files.copy(photo(), in.resolve("a.png"));
		grey(in.resolve("b.png"), 64);
		// An image whose outputs would be named like the box file (boxes.png writes boxes.csv).
		grey(in.resolve("boxes.png"), 64);
		Files.write(in.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});
		Files.write(in.resolve("boxes.csv"), "image,x,y,width,height\na.png,170,88,106,100\n".getBytes(StandardCharsets.UTF_8));
		Map<String, String> before = hashes(in);
		// Output folder = input folder, overwriting, twice, with boxes read from the input folder.
		run(options(in, "*", false, in, true, 2, in.resolve("boxes.csv")));
		run(options(in, "*", false, in, true, 2, in.resolve("boxes.csv")));
		BatchSummary s = run(options(in, "*.png", false, in, true, 1, in.resolve("boxes.csv")));
		assertTrue(read(in.resolve("errors.csv")).contains("boxes.csv: exists"), read(in.resolve("errors.csv")));
		assertEquals(1, s.failed());
		Map<String, String> after = hashes(in);
		for (Map.Entry<String, String> e : before.entrySet()) {
			assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " was modified");
		}
	}

	private static Map<String, String> hashes(Path folder) throws Exception {
		Map<String, String> h = new TreeMap<>();
		for (String name : names(folder)) {
			byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(folder.resolve(name)));
			StringBuilder b = new StringBuilder();
			for (byte x : d) {
				b.append(String.format("%02x", x));
			}
			h.put(name, b.toString());
		}
		return h;
	}

	/**
	 * Unusual folders and files: a symbolic link looping back to the input (recursive), a zero-byte image, a
	 * folder named like an image, a Unicode name with spaces, a header-only 40000 x 40000 PNG. Each gets an
	 * outcome and the batch ends.
	 */
	@Test
	void loopsEmptyFilesFoldersNamedLikeImagesUnicodeNamesAndHugeImagesEachGetAnOutcome() throws Exception {
		grey(in.resolve("photo \u00e9t\u00e9 \u5199\u771f.png"), 64);
		Files.createSymbolicLink(in.resolve("loop"), in);
		Files.createDirectories(in.resolve("sub"));
		grey(in.resolve("sub").resolve("b.png"), 64);
		Files.write(in.resolve("empty.png"), new byte[0]);
		Files.createDirectories(in.resolve("folder.png"));
		io.github.landmarkj.io.FakeImages.hugePngHeader(in.resolve("huge.png"));
		Path out = work.resolve("out");
		BatchSummary s = run(options(in, "*.png", true, out, false, 1, null));
		// The link is not followed (no loop, no image twice); the folder named .png is not an image.
		assertEquals(2, s.processed(), s.toString());
		assertEquals(2, s.failed(), s.toString());
		assertTrue(Files.isRegularFile(out.resolve("photo \u00e9t\u00e9 \u5199\u771f.csv")));
		assertTrue(Files.isRegularFile(out.resolve("sub").resolve("b.csv")));
		String errors = read(out.resolve("errors.csv"));
		assertTrue(errors.contains("empty.png") && errors.contains("not an image"), errors);
		assertTrue(errors.contains("huge.png") && errors.contains("40000 x 40000 pixels"), errors);
		assertFalse(errors.contains("folder.png"), errors);

		Path emptyFolder = Files.createDirectories(work.resolve("nothing"));
		BatchSummary none = run(options(emptyFolder, "*.png", false, work.resolve("out-none"), false, 1, null));
		assertEquals(0, none.processed());
		assertEquals(0, none.failed());
		assertTrue(none.toString().startsWith("0 image(s) processed"), none.toString());
	}
}
