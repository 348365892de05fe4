package io.github.landmarkj.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;
import io.github.landmarkj.video.MovingFace;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Track Landmarks on a hyperstack (time axis) made from the synthetic moving face, bundled networks. */
class TrackLandmarksCommandTest {
	private static Context context;
	private static InMemorySession session;

	@TempDir
	Path work;

	@BeforeAll
	static void setUp() {
		context = new Context();
		session = context.service(InMemorySession.class);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	@Test
	void overlayResultsPlotAndCsvPerFrame() throws Exception {
		MovingFace clip = new MovingFace();
		int frames = 5;
		ImageStack stack = new ImageStack(MovingFace.WIDTH, MovingFace.HEIGHT);
		for (int f = 0; f < frames; f++) {
			stack.addSlice(new ColorProcessor(MovingFace.WIDTH, MovingFace.HEIGHT, clip.frame(f).toPackedRgb()));
		}
		ImagePlus imp = new ImagePlus("talk.tif", stack);
		imp.setDimensions(1, 1, frames);
		imp.setOpenAsHyperStack(true);
		imp.getCalibration().frameInterval = 0.04;
		imp.getCalibration().setTimeUnit("sec");
		CommandModule m = Commands.run(context, TrackLandmarksCommand.class, "image", imp, "temporal", "none", "output_folder", work.toString());
		assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
		assertFalse(((TrackLandmarksCommand) m.getCommand()).detection().confirmsFaces(), "faces are not confirmed unless asked");
		ResultsTable rt = session.resultsTable();
		assertEquals(frames, rt.size());
		for (int f = 0; f < frames; f++) {
			assertEquals(f + 1, rt.getValue("frame", f));
			assertEquals(1, rt.getValue("face_id", f));
			assertEquals(0.04 * f, rt.getValue("timestamp", f), 1e-9, "timestamps from the frame interval");
			assertEquals(MovingFace.expected(4, f).x, rt.getValue("x_30", f), 5.0, "nose tip x on frame " + (f + 1));
		}
		Overlay overlay = imp.getOverlay();
		assertNotNull(overlay);
		Roi label = Arrays.stream(overlay.toArray()).filter(r -> "face1-t3 label".equals(r.getName())).findFirst().orElseThrow();
		assertEquals(3, label.hasHyperStackPosition() ? label.getTPosition() : label.getPosition(), "tied to frame 3");
		assertTrue(Arrays.stream(overlay.toArray()).anyMatch(r -> "face1-t5 head axis z".equals(r.getName())));
		assertNotNull(m.getOutput("pose_plot_image"));
		assertEquals(1 + frames, Files.readAllLines(work.resolve("talk.csv")).size());
		// The input's pixels are never changed.
		assertEquals(clip.frame(2).toPackedRgb()[240 * MovingFace.WIDTH + 300], ((int[]) imp.getStack().getPixels(3))[240 * MovingFace.WIDTH + 300]);
	}
}
