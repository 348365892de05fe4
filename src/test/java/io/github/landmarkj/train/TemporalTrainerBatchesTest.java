package io.github.landmarkj.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.TemporalFeatures;
import io.github.landmarkj.net.TemporalConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The temporal trainer's batches on the training loop are the ones its own loop drew before (no libtorch). */
class TemporalTrainerBatchesTest {
	private static final int[] MIRROR = LandmarkScheme.ibug68().mirror();
	private static final int FRAMES = 20, MIN_WINDOW = 5, BATCH = 2, STEPS = 4;
	private static final long SEED = 11;

	private final List<LabelledSequence> training = new ArrayList<>();
	private final TemporalBatches batches = new TemporalBatches(new TemporalFeatures(68), MIRROR);
	private final BatchSource<List<LabelledSequence>> source;

	TemporalTrainerBatchesTest() {
		for (int i = 0; i < BATCH * STEPS + 1; i++) {
			training.add(LabelledSequenceTest.randomSequence(FRAMES, 100 + i));
		}
		TemporalTrainer trainer = new TemporalTrainer(TemporalConfig.defaultFace68(),
				new TemporalTrainer.Options(3, BATCH, 1e-3, MIN_WINDOW, 1, SEED, null, false), MIRROR, 36, 45, line -> {
				});
		source = trainer.batches(training, batches, FRAMES, MIN_WINDOW, STEPS);
	}

	/** The epoch as the trainer drew it before the training loop: one generator, batch after batch. */
	private List<List<LabelledSequence>> drawnInTurn(int epoch) {
		Random rng = new Random(SEED * 1_000_003L + epoch);
		List<LabelledSequence> order = new ArrayList<>(training);
		Collections.shuffle(order, rng);
		List<List<LabelledSequence>> epochBatches = new ArrayList<>();
		for (int b = 0; b < STEPS; b++) {
			int window = MIN_WINDOW + rng.nextInt(FRAMES - MIN_WINDOW + 1);
			List<LabelledSequence> windows = new ArrayList<>();
			for (int k = 0; k < BATCH; k++) {
				LabelledSequence s = order.get(b * BATCH + k);
				LabelledSequence out = rng.nextBoolean() ? s.mirrored(MIRROR) : s;
				out = rng.nextBoolean() ? out.reversed() : out;
				windows.add(TemporalBatches.window(out, rng.nextInt(s.frames - window + 1), window));
			}
			epochBatches.add(windows);
		}
		return epochBatches;
	}

	@Test
	void everyBatchIsTheOneDrawnInTurnWhateverOrderItIsAskedIn() {
		for (int epoch = 1; epoch <= 3; epoch++) {
			List<List<LabelledSequence>> expected = drawnInTurn(epoch);
			for (int b = STEPS - 1; b >= 0; b--) {
				List<LabelledSequence> got = source.batch(epoch, b);
				assertEquals(BATCH, got.size());
				for (int k = 0; k < BATCH; k++) {
					LabelledSequence e = expected.get(b).get(k), g = got.get(k);
					String where = "epoch " + epoch + ", batch " + b + ", sequence " + k;
					assertEquals(e.frames, g.frames, where);
					assertArrayEquals(e.rawXy(), g.rawXy(), where);
					assertArrayEquals(e.truthXy(), g.truthXy(), where);
					assertArrayEquals(e.rawConfidence(), g.rawConfidence(), where);
				}
			}
		}
	}

	@Test
	void epochsDiffer() {
		assertFalse(Arrays.equals(source.batch(1, 0).get(0).rawXy(), source.batch(2, 0).get(0).rawXy()));
	}
}
