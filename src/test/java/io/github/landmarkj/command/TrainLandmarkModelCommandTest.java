package io.github.landmarkj.command;

import ij.ImagePlus;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.process.FloatPolygon;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.LandmarkKind;
import io.github.landmarkj.engine.LandmarkSpec;
import io.github.landmarkj.engine.ModelPackage;
import io.github.landmarkj.io.PtsFormat;
import ai.djl.Device;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainLandmarkModelCommandTest {
	@TempDir
	static Path initDir;
	@TempDir
	Path work;

	private static Context context;
	private static InMemorySession session;

	@BeforeAll
	static void setUp() throws Exception {
		context = new Context();
		session = context.service(InMemorySession.class);
		TestModels.untrained(initDir);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	@BeforeEach
	void clear() {
		session.rois().clear();
	}

	static PointRoi annotation(List<Point2> points, ImagePlus imp) {
		FloatPolygon p = new FloatPolygon();
		points.forEach(q -> p.addPoint(q.x + 0.5, q.y + 0.5));
		PointRoi roi = new PointRoi(p);
		roi.setImage(imp);
		return roi;
	}

	@Test
	void fineTunesFromFolderDataAndWritesALoadableModel() throws Exception {
		Path data = Files.createDirectories(work.resolve("data"));
		for (int k = 0; k < 4; k++) {
			Files.copy(TestImages.demoPhoto(), data.resolve("face" + k + ".png"));
			PtsFormat.write(data.resolve("face" + k + ".pts"), TestImages.ellipse68(2 * k, -k), false);
		}
		Path output = work.resolve("my-model");
		CommandModule m = Commands.run(context, TrainLandmarkModelCommand.class, "data_source", "Folder", "data_folder", data.toString(),
				"init_model", initDir.toString(), "epochs", 1, "batch_size", 2, "learning_rate", 0.001, "validation_fraction", 0.25,
				"output_folder", output.toString(), "device", "cpu");
		assertFalse(m.isCanceled(), m.getCancelReason());
		ModelPackage<LandmarkSpec> written = ModelPackage.read(output, LandmarkKind.INSTANCE);
		assertEquals("my-model", written.name());
		assertEquals(ModelPackage.sha256(output.resolve("weights.params")), written.weights().sha256);
		assertEquals(3, written.training().get("training_faces").getAsInt());
		assertEquals(1, written.training().get("validation_faces").getAsInt());
		assertTrue(Files.isRegularFile(io.github.landmarkj.train.TrainingRun.checkpointsOf(output).resolve("checkpoint.params")));
		try (LandmarkDetector d = LandmarkDetector.open(output.toString(), Device.cpu())) {
			assertEquals(68, d.modelPackage().spec().scheme.size());
		}
		CommandModule again = Commands.run(context, TrainLandmarkModelCommand.class, "data_folder", data.toString(), "init_model",
				initDir.toString(), "epochs", 1, "batch_size", 2, "output_folder", output.toString(), "device", "cpu");
		assertTrue(again.isCanceled(), "an existing model folder is kept");
	}

	@Test
	void trainsFromRoiManagerPointsAndSkipsRoisWithTheWrongCount() throws Exception {
		ImagePlus a = TestImages.astronaut(), b = TestImages.astronaut();
		b.setTitle("second.png");
		session.open(a);
		session.open(b);
		session.rois().add(annotation(TestImages.ellipse68(0, 0), a));
		session.rois().add(annotation(TestImages.ellipse68(3, 2), b));
		session.rois().add(annotation(TestImages.ellipse68(-2, 1), a));
		session.rois().add(annotation(TestImages.ellipse68(0, 0).subList(0, 5), a));
		session.rois().add(new Roi(1, 1, 10, 10));
		Path output = work.resolve("roi-model");
		CommandModule m = Commands.run(context, TrainLandmarkModelCommand.class, "data_source", "ROI Manager", "init_model",
				initDir.toString(), "epochs", 1, "batch_size", 2, "validation_fraction", 0.0, "output_folder", output.toString(),
				"device", "cpu");
		assertFalse(m.isCanceled(), m.getCancelReason());
		ModelPackage<LandmarkSpec> written = ModelPackage.read(output, LandmarkKind.INSTANCE);
		assertEquals(3, written.training().get("training_faces").getAsInt());
		assertEquals(0, written.training().get("validation_faces").getAsInt());
	}

	@Test
	void tooFewFacesForABatchIsAClearError() throws Exception {
		ImagePlus a = TestImages.astronaut();
		session.open(a);
		session.rois().add(annotation(TestImages.ellipse68(0, 0), a));
		CommandModule m = Commands.run(context, TrainLandmarkModelCommand.class, "data_source", "ROI Manager", "init_model",
				initDir.toString(), "epochs", 1, "batch_size", 4, "validation_fraction", 0.0, "output_folder",
				work.resolve("x").toString(), "device", "cpu");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("batch_size"), m.getCancelReason());
		assertFalse(Files.exists(work.resolve("x").resolve("model.json")));
	}
}
