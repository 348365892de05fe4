package io.github.landmarkj.train;

import io.github.landmarkj.eval.ValidationSplit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.landmarkj.core.LoadedFace;
import io.github.landmarkj.engine.LandmarkSpec;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.net.NetConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny network trained for a few epochs on a few faces: the loop, checkpoints, resume, cancellation. */
class LandmarkTrainerTest {
	private static final NetConfig TINY = NetConfig.builder().inputSize(64).landmarks(68).stemChannels(8).encoderChannels(8, 16).bottleneckChannels(16)
			.decoderChannels(8).occlusionChannels(4).alpha(0.25).attentionChannels(4).build();

	private static List<LoadedFace> training;
	private static List<LoadedFace> validation;

	/**
	 * The first 16 training and 4 validation faces of AFW in the fixed split, the faces {@code TrainingData.load}
	 * gives first, decoded once for both tests (decoding all 337 AFW faces took most of this class's time).
	 */
	@BeforeAll
	static void loadFewFaces() throws Exception {
		Path afw = Path.of("../shared/data/face68/train/afw");
		Assumptions.assumeTrue(Files.isDirectory(afw), "shared data missing");
		List<AnnotatedFace> usable = new ArrayList<>();
		for (AnnotatedFace face : AnnotatedFolderReader.read(afw).faces()) {
			if (face.size() == 68) {
				usable.add(face);
			}
		}
		List<List<AnnotatedFace>> parts = new ValidationSplit(8).split(usable);
		training = decoded(parts.get(0).subList(0, 16));
		validation = decoded(parts.get(1).subList(0, 4));
	}

	private static List<LoadedFace> decoded(List<AnnotatedFace> faces) throws IOException {
		List<LoadedFace> out = new ArrayList<>();
		for (AnnotatedFace face : faces) {
			out.add(LoadedFace.shrunkFor(face.id(), ImageFiles.read(face.image()), face.points(), 64 / 1.35));
		}
		return out;
	}

	private static TrainingData fewFaces() {
		return TrainingData.of(training, validation);
	}

	@Test
	void lossFallsCheckpointsAreWrittenAndResumeContinues(@TempDir Path dir) throws Exception {
		TrainingData data = fewFaces();
		LandmarkSpec pkg = LandmarkSpec.face68(TINY);
		Path ckpt = dir.resolve("ckpt");
		List<String> log = new ArrayList<>();
		TrainingOptions first = new TrainingOptions(4, 8, 0.005, 1, ckpt, false, AugmentationConfig.none());
		LandmarkTrainer.Result a = new LandmarkTrainer(pkg, first, log::add).train(data, Device.cpu(), null, r -> { }, () -> false);
		a.model.close();
		assertEquals(4, a.history.size());
		assertTrue(a.history.get(3).trainingLoss() < a.history.get(0).trainingLoss(),
				"loss should fall on 16 faces: " + a.history.get(0).trainingLoss() + " -> " + a.history.get(3).trainingLoss());
		assertTrue(Double.isFinite(a.history.get(3).validationNme()));
		assertTrue(Files.isRegularFile(ckpt.resolve("checkpoint.params")));
		assertTrue(new String(Files.readAllBytes(ckpt.resolve("checkpoint.json"))).contains("\"epoch\":4"));

		TrainingOptions more = new TrainingOptions(6, 8, 0.005, 1, ckpt, true, AugmentationConfig.none());
		List<String> log2 = new ArrayList<>();
		LandmarkTrainer.Result b = new LandmarkTrainer(pkg, more, log2::add).train(data, Device.cpu(), null, r -> { }, () -> false);
		b.model.close();
		assertEquals(2, b.history.size(), "resuming after epoch 4 of 6 runs epochs 5 and 6 only");
		assertEquals(5, b.history.get(0).epoch());
		assertTrue(log2.get(0).startsWith("Resuming after epoch 4"));
	}

	@Test
	void cancellationStopsAndKeepsTheCheckpoint(@TempDir Path dir) throws Exception {
		TrainingData data = fewFaces();
		Path ckpt = dir.resolve("ckpt");
		AtomicInteger polls = new AtomicInteger();
		TrainingOptions options = new TrainingOptions(5, 8, 0.005, 1, ckpt, false, AugmentationConfig.standard());
		LandmarkTrainer.Result r = new LandmarkTrainer(LandmarkSpec.face68(TINY), options, s -> { })
				.train(data, Device.cpu(), null, e -> { }, () -> polls.incrementAndGet() > 3);
		r.model.close();
		assertEquals(1, r.history.size(), "cancelled during the second epoch's first batch check");
		assertTrue(Files.isRegularFile(ckpt.resolve("checkpoint.params")));
	}
}
