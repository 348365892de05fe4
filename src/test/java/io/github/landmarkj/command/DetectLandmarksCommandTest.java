package io.github.landmarkj.command;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ImageConverter;
import ij.process.ImageProcessor;
import ai.djl.Device;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.detect.DetectorKind;
import io.github.landmarkj.detect.FaceDetector;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.TestTimeAugmentation;
import io.github.landmarkj.ij.FaceRegions;
import io.github.landmarkj.ij.ImagePlusAdapter;
import io.github.landmarkj.ij.LandmarkDetection;
import io.github.landmarkj.ij.Plane;
import io.github.landmarkj.ij.PlaneFaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectLandmarksCommandTest {
	@TempDir
	static Path modelDir;
	@TempDir
	Path out;

	private static Context context;
	private static InMemorySession session;
	private static String model;

	@BeforeAll
	static void setUp() throws Exception {
		context = new Context();
		session = context.service(InMemorySession.class);
		model = TestModels.untrained(modelDir).toString();
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	@BeforeEach
	void clear() {
		session.rois().clear();
		ResultsTable.getResultsTable().reset();
	}

	private CommandModule detect(ImagePlus imp, String regions, Object... more) throws Exception {
		Object[] base = {"image", imp, "regions", regions, "model", model, "device", "cpu"};
		Object[] all = Arrays.copyOf(base, base.length + more.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return Commands.run(context, DetectLandmarksCommand.class, all);
	}

	@Test
	void twoFacesFromTheRoiManagerGiveTwoSetsOfOverlayRoisAndResults() throws Exception {
		ImagePlus imp = TestImages.astronaut();
		Overlay existing = new Overlay(new Roi(1, 1, 5, 5));
		imp.setOverlay(existing);
		session.rois().add(new Roi(TestImages.FACE[0], TestImages.FACE[1], TestImages.FACE[2], TestImages.FACE[3]));
		session.rois().add(new PointRoi(10, 10)); // not an area: not a face
		session.rois().add(new Roi(TestImages.SECOND[0], TestImages.SECOND[1], TestImages.SECOND[2], TestImages.SECOND[3]));

		CommandModule m = detect(imp, "ROI Manager", "add_overlay", true, "add_to_roi_manager", true, "show_results", true);

		assertFalse(m.isCanceled(), m.getCancelReason());
		ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals(2 * 68, rt.size());
		assertEquals(68, Arrays.stream(rt.getColumn("face")).filter(f -> f == 2).count());
		assertEquals(68.0, rt.getValue("point", 67));
		assertEquals("jaw_1", rt.getStringValue("name", 0));
		assertEquals(imp.getTitle(), rt.getStringValue("image", 0));
		// Existing overlay kept; per face 9 part outlines + point ROIs of at least one kind.
		Overlay overlay = imp.getOverlay();
		assertTrue(overlay.contains(existing.get(0)));
		assertEquals(2, Arrays.stream(overlay.toArray()).filter(r -> "face1-t1 jaw".equals(r.getName()) || "face2-t1 jaw".equals(r.getName())).count());
		int pointsInOverlay = Arrays.stream(overlay.toArray()).filter(r -> r instanceof PointRoi)
				.mapToInt(r -> ((PointRoi) r).size()).sum();
		assertEquals(2 * 68, pointsInOverlay);
		List<Roi> added = session.rois().rois().subList(3, session.rois().rois().size());
		assertEquals(2, added.size());
		assertEquals("face1-t1", added.get(0).getName());
		assertEquals("face2-t1", added.get(1).getName());
		assertEquals(68, ((PointRoi) added.get(1)).size());
	}

	@Test
	void inputPixelsAreNotChanged() throws Exception {
		ImagePlus imp = TestImages.astronaut();
		int[] before = ((int[]) imp.getProcessor().getPixels()).clone();
		imp.setRoi(new Roi(TestImages.FACE[0], TestImages.FACE[1], TestImages.FACE[2], TestImages.FACE[3]));
		CommandModule m = detect(imp, "Current ROI", "heatmaps", true, "occlusion_map", true);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertArrayEquals(before, (int[]) imp.getProcessor().getPixels());
		assertEquals(68, ResultsTable.getResultsTable().size());
	}

	@Test
	void everyPixelTypeGives68PointsInsideTheImage() throws Exception {
		for (String type : new String[] {"8-bit", "16-bit", "32-bit", "RGB Color"}) {
			ImagePlus imp = TestImages.astronaut();
			ImageConverter converter = new ImageConverter(imp);
			if (type.equals("8-bit")) {
				converter.convertToGray8();
			} else if (type.equals("16-bit")) {
				converter.convertToGray16();
			} else if (type.equals("32-bit")) {
				converter.convertToGray32();
			}
			assertEquals(type.equals("8-bit") ? 8 : type.equals("16-bit") ? 16 : type.equals("32-bit") ? 32 : 24, imp.getBitDepth());
			CommandModule m = detect(imp, "Whole image");
			assertFalse(m.isCanceled(), type + ": " + m.getCancelReason());
			ResultsTable rt = ResultsTable.getResultsTable();
			assertEquals(68, rt.size(), type);
			for (int i = 0; i < rt.size(); i++) {
				double x = rt.getValue("x", i), y = rt.getValue("y", i);
				assertTrue(x > -imp.getWidth() && x < 2 * imp.getWidth() && Double.isFinite(y), type + " point " + i);
			}
		}
	}

	@Test
	void allPlanesOfAStackGiveOneFacePerPlaneTiedToItsPlane() throws Exception {
		ImagePlus rgb = TestImages.astronaut();
		ImageStack stack = new ImageStack(rgb.getWidth(), rgb.getHeight());
		for (int i = 0; i < 3; i++) {
			ImageProcessor ip = rgb.getProcessor().duplicate().convertToByte(false);
			stack.addSlice("frame" + i, ip);
		}
		ImagePlus imp = new ImagePlus("video", stack);
		imp.getCalibration().pixelWidth = 0.5;
		imp.getCalibration().pixelHeight = 0.5;
		imp.getCalibration().setUnit("mm");
		imp.setSlice(2);
		CommandModule m = detect(imp, "Whole image", "planes", "All planes", "add_to_roi_manager", true,
				"output_folder", out.toString());
		assertFalse(m.isCanceled(), m.getCancelReason());
		ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals(3 * 68, rt.size());
		assertEquals(3.0, rt.getValue("frame", rt.size() - 1));
		assertEquals("mm", rt.getStringValue("unit", 0));
		assertEquals((rt.getValue("x", 0) + 0.5) * 0.5, rt.getValue("x_cal", 0), 1e-3);
		List<Roi> rois = session.rois().rois();
		assertEquals(Arrays.asList("face1-t1", "face1-t2", "face1-t3"), Arrays.asList(rois.get(0).getName(), rois.get(1).getName(),
				rois.get(2).getName()));
		assertEquals(3, rois.get(2).getPosition());
		for (Roi r : imp.getOverlay().toArray()) {
			assertTrue(r.getPosition() >= 1 && r.getPosition() <= 3, r.getName());
		}
		for (String f : new String[] {"video_t1.csv", "video_t2.json", "video_t3.pts"}) {
			assertTrue(Files.isRegularFile(out.resolve(f)), f);
		}
		assertEquals(1 + 68, Files.readAllLines(out.resolve("video_t2.csv")).size());
	}

	@Test
	void outputFilesAreNotOverwrittenWithoutAsking() throws Exception {
		ImagePlus imp = TestImages.astronaut();
		CommandModule first = detect(imp, "Whole image", "output_folder", out.toString(), "show_results", false);
		assertFalse(first.isCanceled(), first.getCancelReason());
		for (String f : new String[] {"astronaut.csv", "astronaut.json", "astronaut.pts"}) {
			assertTrue(Files.isRegularFile(out.resolve(f)), f);
		}
		assertEquals(0, ResultsTable.getResultsTable().size(), "show_results=false leaves the table alone");
		Files.writeString(out.resolve("astronaut.csv"), "mine");
		CommandModule second = detect(imp, "Whole image", "output_folder", out.toString());
		assertTrue(second.isCanceled());
		assertTrue(second.getCancelReason().contains("overwrite=true"), second.getCancelReason());
		assertEquals("mine", Files.readString(out.resolve("astronaut.csv")));
		CommandModule third = detect(imp, "Whole image", "output_folder", out.toString(), "overwrite", true);
		assertFalse(third.isCanceled(), third.getCancelReason());
		assertTrue(Files.readString(out.resolve("astronaut.csv")).startsWith("image,face,point"));
	}

	@Test
	void overwriteAfterARunWithMoreFacesRemovesTheirPtsAndKeepsTheUsersFiles() throws Exception {
		ImagePlus imp = TestImages.astronaut();
		session.rois().add(new Roi(TestImages.FACE[0], TestImages.FACE[1], TestImages.FACE[2], TestImages.FACE[3]));
		session.rois().add(new Roi(TestImages.SECOND[0], TestImages.SECOND[1], TestImages.SECOND[2], TestImages.SECOND[3]));
		CommandModule two = detect(imp, "ROI Manager", "output_folder", out.toString(), "show_results", false, "add_overlay", false);
		assertFalse(two.isCanceled(), two.getCancelReason());
		assertTrue(Files.isRegularFile(out.resolve("astronaut_1.pts")));
		assertTrue(Files.isRegularFile(out.resolve("astronaut_2.pts")));
		Files.writeString(out.resolve("astronaut_3.pts"), "mine"); // named like an output, never written by LandmarkJ

		CommandModule one = detect(imp, "Whole image", "output_folder", out.toString(), "show_results", false, "add_overlay", false,
				"overwrite", true);
		assertFalse(one.isCanceled(), one.getCancelReason());
		assertTrue(Files.isRegularFile(out.resolve("astronaut.pts")));
		assertFalse(Files.exists(out.resolve("astronaut_1.pts")), "face 1 of the earlier run");
		assertFalse(Files.exists(out.resolve("astronaut_2.pts")), "face 2 of the earlier run");
		assertEquals("mine", Files.readString(out.resolve("astronaut_3.pts")));
		assertEquals(1 + 68, Files.readAllLines(out.resolve("astronaut.csv")).size());
		// A folder batch into the same folder finds the result finished: the record lists exactly today's files.
		String record = Files.readAllLines(out.resolve(io.github.landmarkj.batch.FolderBatch.JOURNAL)).stream()
				.filter(l -> l.startsWith("astronaut.png\tok")).reduce((a, b) -> b).orElse("");
		assertTrue(record.endsWith("\tastronaut.json\tastronaut.pts\tastronaut.csv"), record);
	}

	@Test
	void anOutputFolderThatIsAFileIsRefusedBeforeTheImageIsAnalysed() throws Exception {
		Path file = Files.write(out.resolve("taken"), new byte[] {1});
		for (Path folder : new Path[] {file, file.resolve("below")}) {
			CommandModule m = detect(TestImages.astronaut(), "Whole image", "output_folder", folder.toString());
			assertTrue(m.isCanceled());
			assertTrue(m.getCancelReason().contains(file + " is a file where a folder is needed"), m.getCancelReason());
			assertEquals(0, ResultsTable.getResultsTable().size(), "refused before any face was analysed");
		}
	}

	@Test
	void flipAveragingGivesTheLibrarysFlipAveragedPoints() throws Exception {
		ImagePlus imp = TestImages.astronaut();
		imp.setRoi(new Roi(TestImages.FACE[0], TestImages.FACE[1], TestImages.FACE[2], TestImages.FACE[3]));
		detect(imp, "Current ROI", "flip_averaging", true);
		ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals(68, rt.size());
		RgbImage rgb = ImagePlusAdapter.plane(imp, 1, ImagePlusAdapter.Scaling.DISPLAY_RANGE);
		// The ROI's box as the command takes it (ImageJ's pixel corners -> LandmarkJ's pixel centres).
		List<io.github.landmarkj.core.FaceBox> box = List.of(new io.github.landmarkj.core.FaceBox(
				io.github.landmarkj.ij.IjCoordinates.fromIj(TestImages.FACE[0]), io.github.landmarkj.ij.IjCoordinates.fromIj(TestImages.FACE[1]),
				TestImages.FACE[2], TestImages.FACE[3]));
		double differsFromPlain = 0;
		try (LandmarkDetector flip = LandmarkDetector.open(model, Device.cpu(), TestTimeAugmentation.FLIP);
				LandmarkDetector plain = LandmarkDetector.open(model, Device.cpu())) {
			io.github.landmarkj.core.Landmarks expected = flip.detect(rgb, box).get(0).landmarks();
			io.github.landmarkj.core.Landmarks without = plain.detect(rgb, box).get(0).landmarks();
			for (int i = 0; i < 68; i++) {
				assertEquals(expected.point(i).x, rt.getValue("x", i), 1e-3, "x of point " + i);
				assertEquals(expected.point(i).y, rt.getValue("y", i), 1e-3, "y of point " + i);
				differsFromPlain = Math.max(differsFromPlain, expected.point(i).distance(without.point(i)));
			}
		}
		assertTrue(differsFromPlain > 0.01, "flip averaging changed nothing, so this test shows nothing");
	}

	@Test
	void heatMapAndOcclusionImagesLieOverTheInput() throws Exception {
		ImagePlus imp = TestImages.astronaut();
		imp.setRoi(new Roi(TestImages.FACE[0], TestImages.FACE[1], TestImages.FACE[2], TestImages.FACE[3]));
		CommandModule m = detect(imp, "Current ROI", "heatmaps", true, "occlusion_map", true);
		ImagePlus maps = (ImagePlus) m.getOutput("heatmap_image");
		ImagePlus occ = (ImagePlus) m.getOutput("occlusion_image");
		assertNotNull(maps);
		assertEquals(imp.getWidth(), maps.getWidth());
		assertEquals(imp.getHeight(), maps.getHeight());
		assertEquals(69, maps.getStackSize());
		assertEquals("maximum", maps.getStack().getSliceLabel(69));
		assertEquals(1, occ.getStackSize());
		float[] o = (float[]) occ.getProcessor().getPixels();
		for (float v : o) {
			assertTrue(v >= 0 && v <= 1, "occlusion " + v);
		}
		assertEquals(0f, o[0], "outside the face's crop the map is 0");
	}

	@Test
	void cancellationStopsBetweenPlanesKeepingThoseDone() throws Exception {
		ImageStack stack = new ImageStack(64, 64);
		for (int i = 0; i < 4; i++) {
			stack.addSlice(new ij.process.ByteProcessor(64, 64));
		}
		ImagePlus imp = new ImagePlus("four", stack);
		int[] progressCalls = {0};
		try (LandmarkDetector detector = LandmarkDetector.open(model, Device.cpu())) {
			LandmarkDetection detection = new LandmarkDetection(detector, new FaceRegions(FaceRegions.Source.WHOLE_IMAGE, null));
			List<PlaneFaces> done = detection.run(imp, Plane.all(imp), (d, t) -> progressCalls[0]++, () -> progressCalls[0] >= 2);
			assertEquals(2, done.size());
			assertEquals(2, done.get(1).plane.stackIndex);
			assertEquals(0, detection.run(imp, Plane.all(imp), (d, t) -> { }, () -> true).size());
		}
	}

	@Test
	void detectFacesGives68RowsPerFaceTheDetectorFinds() throws Exception {
		ImagePlus imp = TestImages.astronaut();
		int atDefault, atHalf;
		try (FaceDetector faces = FaceDetector.open(DetectorKind.BUNDLED_NAME, Device.cpu())) {
			RgbImage plane = ImagePlusAdapter.plane(imp, 1, ImagePlusAdapter.Scaling.DISPLAY_RANGE);
			atDefault = faces.detect(plane).size();
			atHalf = faces.detect(plane, 0.5, 0).size();
		}
		assertTrue(atDefault >= 1, "the bundled detector finds the demo face");

		CommandModule m = detect(imp, "Detect faces", "add_to_roi_manager", true);
		assertFalse(m.isCanceled(), m.getCancelReason());
		ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals(68 * atDefault, rt.size());
		assertEquals(atDefault, rt.getValue("face", rt.size() - 1));
		assertEquals(atDefault, session.rois().rois().size());

		CommandModule half = detect(TestImages.astronaut(), "Detect faces", "score_threshold", 0.5);
		assertFalse(half.isCanceled(), half.getCancelReason());
		assertEquals(68 * atHalf, ResultsTable.getResultsTable().size(), "score_threshold reaches the detector");
	}

	@Test
	void detectFacesOnAnImageWithoutAFaceGivesAnEmptyResult() throws Exception {
		ij.process.ByteProcessor grey = new ij.process.ByteProcessor(200, 200);
		grey.setValue(128);
		grey.fill();
		ImagePlus imp = new ImagePlus("grey", grey);
		ResultsTable.getResultsTable().incrementCounter(); // a row from before, which the empty result replaces
		CommandModule m = detect(imp, "Detect faces", "heatmaps", true, "output_folder", out.toString());
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(0, ResultsTable.getResultsTable().size());
		assertNull(m.getOutput("heatmap_image"));
		assertEquals(1, Files.readAllLines(out.resolve("grey.csv")).size(), "header only");
		assertFalse(Files.exists(out.resolve("grey.pts")));
	}

	@Test
	void missingSelectionIsAClearError() throws Exception {
		ImagePlus imp = TestImages.astronaut();
		imp.deleteRoi();
		CommandModule m = detect(imp, "Current ROI");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("rectangle"), m.getCancelReason());
		assertNull(imp.getOverlay());
	}

	@Test
	void withoutARegionsChoiceTheFacesAreDetected() throws Exception {
		ImagePlus imp = TestImages.astronaut();
		ResultsTable.getResultsTable().reset();
		CommandModule m = Commands.run(context, DetectLandmarksCommand.class, "image", imp, "model", model, "device", "cpu",
				"show_results", true);
		assertFalse(m.isCanceled(), m.getCancelReason());
		int rows = ResultsTable.getResultsTable().size();
		assertTrue(rows >= 68 && rows % 68 == 0, rows + " rows");
	}

	@Test
	void unknownModelIsAClearError() throws Exception {
		CommandModule m = Commands.run(context, DetectLandmarksCommand.class, "image", TestImages.astronaut(), "regions", "Whole image",
				"model", out.resolve("nothing-here").toString(), "device", "cpu");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("Unknown model"), m.getCancelReason());
	}
}
