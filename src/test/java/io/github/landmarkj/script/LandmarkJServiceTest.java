package io.github.landmarkj.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.engine.DemoPhotoEndToEndTest;
import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The service on the demo photo with the bundled model: layouts agree, coordinates, concurrent calls, dispose. */
class LandmarkJServiceTest {
	private static final List<FaceBox> DEMO_BOX = Collections.singletonList(DemoPhotoEndToEndTest.DEMO_BOX);
	private static final LandmarkJOptions CPU = LandmarkJOptions.defaults().withDevice("cpu");

	private static Context context;
	private static LandmarkJService lj;
	private static ArrayImg<UnsignedByteType, ?> photo;
	private static FaceLandmarks reference;

	@BeforeAll
	static void open() throws Exception {
		context = new Context();
		lj = context.service(LandmarkJService.class);
		photo = DemoImgs.astronautChannels();
		reference = lj.detect(photo, DEMO_BOX, CPU).face(0);
	}

	@AfterAll
	static void close() {
		context.dispose();
	}

	private static void assertSamePoints(FaceLandmarks expected, FaceLandmarks actual, double dx, double dy, String what) {
		assertEquals(expected.size(), actual.size(), what);
		for (int i = 0; i < expected.size(); i++) {
			assertEquals(expected.x(i) + dx, actual.x(i), 1e-3, what + ": x of point " + i);
			assertEquals(expected.y(i) + dy, actual.y(i), 1e-3, what + ": y of point " + i);
			assertEquals(expected.confidence(i), actual.confidence(i), 1e-4, what + ": confidence of point " + i);
			assertEquals(expected.occluded(i), actual.occluded(i), what + ": occluded flag of point " + i);
		}
	}

	@Test
	void theDemoFaceIsFoundWhereTheLibraryFindsIt() {
		assertEquals(68, reference.size());
		double d = Math.hypot(reference.x(36) - DemoPhotoEndToEndTest.BY_HAND[0][0], reference.y(36) - DemoPhotoEndToEndTest.BY_HAND[0][1]);
		assertTrue(d <= 4, "right eye outer corner " + d + " px from the hand-marked point");
		// The pose the CSV, JSON and Results table give for these points.
		HeadPose expected = HeadPoseEstimator.ibug68().estimate(reference.landmarks());
		assertTrue(reference.pose().isKnown());
		assertArrayEquals(new double[] {expected.pitch(), expected.yaw(), expected.roll()},
				new double[] {reference.pose().pitch(), reference.pose().yaw(), reference.pose().roll()}, 1e-9);
	}

	@Test
	void flipAveragingIsAnOptionThatMovesThePointsALittle() throws Exception {
		LandmarkJOptions flip = CPU.withFlipAveraging(true);
		assertTrue(flip.flipAveraging() && !CPU.flipAveraging() && flip.model().equals(CPU.model()) && flip.device() == CPU.device());
		assertTrue(flip.toString().contains("flip_averaging=true"), flip.toString());
		FaceLandmarks face = lj.detect(photo, DEMO_BOX, flip).face(0);
		double sum = 0;
		for (int i = 0; i < 68; i++) {
			sum += Math.hypot(face.x(i) - reference.x(i), face.y(i) - reference.y(i));
		}
		double mean = sum / 68;
		assertTrue(mean > 0.01 && mean < 1.5, "flip averaging moved the points by " + mean + " px on average");
		double d = Math.hypot(face.x(36) - DemoPhotoEndToEndTest.BY_HAND[0][0], face.y(36) - DemoPhotoEndToEndTest.BY_HAND[0][1]);
		assertTrue(d <= 4, "right eye outer corner " + d + " px from the hand-marked point");
	}

	@Test
	void argbAndThreeChannelImagesOfOnePhotoGiveTheSamePoints() throws Exception {
		assertSamePoints(reference, lj.detect(DemoImgs.astronautArgb(), DEMO_BOX, CPU).face(0), 0, 0, "ARGB");
	}

	@Test
	void pointsAndBoxesAreInTheImagesOwnCoordinates() throws Exception {
		// The same photo placed at (1000, -20): boxes are given, and points come back, in those coordinates.
		FaceBox b = DemoPhotoEndToEndTest.DEMO_BOX;
		List<FaceBox> moved = Collections.singletonList(new FaceBox(b.x + 1000, b.y - 20, b.width, b.height));
		FaceLandmarks face = lj.detect(Views.translate(photo, 1000, -20, 0), moved, CPU).face(0);
		assertSamePoints(reference, face, 1000, -20, "translated image");
		assertEquals(reference.pose().yaw(), face.pose().yaw(), 1e-6);
		assertEquals(b.x + 1000, face.box().x);
		double[] heatmapPixel = face.heatmapToImage(0, 0);
		double[] unmoved = reference.heatmapToImage(0, 0);
		assertArrayEquals(new double[] {unmoved[0] + 1000, unmoved[1] - 20}, heatmapPixel, 1e-9);
	}

	@Test
	void twoCallsAtOnceGiveWhatOneCallGives() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Callable<FaceLandmarks> call = () -> lj.detect(photo, DEMO_BOX, CPU).face(0);
			List<Future<FaceLandmarks>> running = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				running.add(threads.submit(call));
			}
			for (Future<FaceLandmarks> f : running) {
				assertSamePoints(reference, f.get(5, TimeUnit.MINUTES), 0, 0, "concurrent call");
			}
		} finally {
			threads.shutdownNow();
		}
	}

	@Test
	void rawMapsComeAsArrayImgs() {
		ArrayImg<FloatType, FloatArray> maps = reference.heatmaps();
		assertEquals(3, maps.numDimensions());
		assertEquals(68, maps.dimension(2));
		assertEquals(maps.dimension(0), maps.dimension(1));
		ArrayImg<FloatType, FloatArray> grid = reference.occlusionGrid();
		assertEquals(2, grid.numDimensions());
		// The heat map's brightest pixel of a point lies, in the image, near the point.
		RandomAccess<FloatType> ra = maps.randomAccess();
		long[] best = {0, 0};
		float peak = Float.NEGATIVE_INFINITY;
		for (long v = 0; v < maps.dimension(1); v++) {
			for (long u = 0; u < maps.dimension(0); u++) {
				ra.setPosition(new long[] {u, v, 36});
				if (ra.get().get() > peak) {
					peak = ra.get().get();
					best = new long[] {u, v};
				}
			}
		}
		double[] at = reference.heatmapToImage(best[0], best[1]);
		assertTrue(Math.hypot(at[0] - reference.x(36), at[1] - reference.y(36)) <= 4, "heat-map peak at " + at[0] + ", " + at[1]);
	}

	@Test
	void noBoxesMeansNoFacesAndBlankLayers() throws IOException {
		ImageLandmarks none = lj.detect(photo, Collections.emptyList(), CPU);
		assertEquals(0, none.faceCount());
		for (FloatType v : none.occlusionImage()) {
			assertEquals(0f, v.get());
		}
	}

	@Test
	void nonFinitePixelsAreCountedAndTheRestIsRead() throws IOException {
		float[] grey = new float[64 * 64];
		grey[5] = Float.NaN;
		grey[6] = Float.POSITIVE_INFINITY;
		grey[7] = 10;
		ImageLandmarks found = lj.detect(ArrayImgs.floats(grey, 64, 64), Collections.singletonList(new FaceBox(10, 10, 40, 40)), CPU);
		assertEquals(2, found.nonFinitePixels());
		assertEquals(1, found.faceCount());
	}

	/**
	 * The product's rule for non-finite pixels, through ImgLib2 as through files and Fiji: the face detector
	 * sees them as black (NaN far from the face changes nothing), and a face whose crop reads one is refused
	 * with the message the command line writes to errors.csv.
	 */
	@Test
	void notANumberInAFloatImgFollowsTheRuleOfTheCommandLine() throws IOException {
		int w = (int) photo.dimension(0), h = (int) photo.dimension(1);
		float[] planar = new float[3 * w * h];
		int i = 0;
		for (UnsignedByteType v : photo) {
			planar[i++] = v.get();
		}
		FaceLandmarks clean = lj.detect(ArrayImgs.floats(planar.clone(), w, h, 3), null, CPU).face(0);

		float[] far = planar.clone();
		far[w * h - 1] = Float.NaN; // red, bottom-right corner
		far[2 * w * h + w * h - 1] = Float.POSITIVE_INFINITY; // blue, same place
		ImageLandmarks farFound = lj.detect(ArrayImgs.floats(far, w, h, 3), null, CPU);
		assertEquals(2, farFound.nonFinitePixels());
		assertSamePoints(clean, farFound.face(0), 0, 0, "NaN far from the face");

		float[] inside = planar.clone();
		inside[w * (int) Math.round(clean.y(30)) + (int) Math.round(clean.x(30))] = Float.NaN; // the nose tip, red
		io.github.landmarkj.core.RejectedInputException refused = assertThrows(io.github.landmarkj.core.RejectedInputException.class,
				() -> lj.detect(ArrayImgs.floats(inside, w, h, 3), null, CPU));
		assertTrue(refused.getMessage().startsWith("Face 1 was not analysed: its crop reads pixels that are not numbers"), refused.getMessage());
	}

	@Test
	void badInputAndAnUnknownModelAreClearErrors() {
		IllegalArgumentException stack = assertThrows(IllegalArgumentException.class,
				() -> lj.detect(ArrayImgs.unsignedBytes(64, 64, 7), DEMO_BOX, CPU));
		assertTrue(stack.getMessage().contains("hyperSlice"), stack.getMessage());
		IOException model = assertThrows(IOException.class, () -> lj.detect(photo, DEMO_BOX, CPU.withModel("no-such-model")));
		assertTrue(model.getMessage().contains("Unknown model"), model.getMessage());
	}

	@Test
	void aDisposedServiceSaysSo() throws Exception {
		Context other = new Context();
		LandmarkJService service = other.service(LandmarkJService.class);
		assertEquals(1, service.detect(photo, DEMO_BOX, CPU).faceCount());
		other.dispose();
		IllegalStateException e = assertThrows(IllegalStateException.class, () -> service.detect(photo, DEMO_BOX, CPU));
		assertTrue(e.getMessage().contains("disposed"), e.getMessage());
	}
}
