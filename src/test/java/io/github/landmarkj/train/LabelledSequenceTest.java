package io.github.landmarkj.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.landmarkj.core.LandmarkScheme;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledSequenceTest {
	private static final int[] MIRROR = LandmarkScheme.ibug68().mirror();

	/** A random 68-point sequence (points spread over a 200 x 150 frame). */
	static LabelledSequence randomSequence(int frames, long seed) {
		Random rng = new Random(seed);
		float[] truth = new float[frames * 68 * 2], raw = new float[truth.length], conf = new float[frames * 68];
		for (int k = 0; k < truth.length; k++) {
			truth[k] = 20 + 150 * rng.nextFloat();
			raw[k] = truth[k] + (float) rng.nextGaussian();
		}
		for (int k = 0; k < conf.length; k++) {
			conf[k] = rng.nextFloat();
		}
		// Outer eye corners 40 px apart in every frame: the face size is the same in all frames.
		for (int f = 0; f < frames; f++) {
			truth[(f * 68 + 36) * 2] = 50 + f;
			truth[(f * 68 + 45) * 2] = 90 + f;
			truth[(f * 68 + 36) * 2 + 1] = truth[(f * 68 + 45) * 2 + 1] = 40;
		}
		return new LabelledSequence("test", frames, 68, 30, 200, 150, truth, raw, conf);
	}

	@Test
	void mirroringMovesEachPointToItsMirrorPartnerAcrossTheFrame() {
		LabelledSequence s = randomSequence(5, 1);
		LabelledSequence m = s.mirrored(MIRROR);
		// Point 36 (right outer eye corner) of the mirror is point 45 (left outer corner) of the original.
		assertEquals(45, MIRROR[36]);
		assertEquals(199 - s.rawX(3, 45), m.rawX(3, 36), 1e-4);
		assertEquals(s.rawY(3, 45), m.rawY(3, 36), 0f);
		assertEquals(199 - s.truthX(3, 45), m.truthX(3, 36), 1e-4);
		assertEquals(s.confidence(3, 45), m.confidence(3, 36), 0f);
		// The nose bridge maps onto itself.
		assertEquals(199 - s.rawX(2, 28), m.rawX(2, 28), 1e-4);
	}

	@Test
	void mirroringOrReversingTwiceGivesTheSequenceBack() {
		LabelledSequence s = randomSequence(6, 2);
		for (LabelledSequence back : new LabelledSequence[] {s.mirrored(MIRROR).mirrored(MIRROR), s.reversed().reversed()}) {
			assertArrayEquals(s.rawXy(), back.rawXy(), 1e-4f);
			assertArrayEquals(s.truthXy(), back.truthXy(), 1e-4f);
			assertArrayEquals(s.rawConfidence(), back.rawConfidence(), 0f);
		}
	}

	@Test
	void reversingPlaysTheFramesBackwards() {
		LabelledSequence s = randomSequence(7, 3);
		LabelledSequence r = s.reversed();
		for (int t = 0; t < 7; t++) {
			assertEquals(s.rawX(t, 10), r.rawX(6 - t, 10), 0f);
			assertEquals(s.truthY(t, 60), r.truthY(6 - t, 60), 0f);
			assertEquals(s.confidence(t, 33), r.confidence(6 - t, 33), 0f);
		}
	}

	@Test
	void augmentationKeepsErrorAndJitter() {
		LabelledSequence s = randomSequence(9, 4);
		SequenceMetrics plain = new SequenceMetrics(68, 36, 45).add(s.rawXy(), s.truthXy(), 9);
		for (LabelledSequence a : new LabelledSequence[] {s.mirrored(MIRROR), s.reversed(), s.mirrored(MIRROR).reversed()}) {
			SequenceMetrics m = new SequenceMetrics(68, 36, 45).add(a.rawXy(), a.truthXy(), 9);
			assertEquals(plain.nme(), m.nme(), 1e-6);
			assertEquals(plain.jitter(), m.jitter(), 1e-6);
		}
	}

	@Test
	void windowsAreTheFramesTheySay() {
		LabelledSequence s = randomSequence(10, 5);
		LabelledSequence w = TemporalBatches.window(s, 3, 4);
		assertEquals(4, w.frames);
		assertEquals(s.rawX(3, 7), w.rawX(0, 7), 0f);
		assertEquals(s.truthY(6, 7), w.truthY(3, 7), 0f);
	}

	@Test
	void fileRoundTripKeepsEveryValue(@TempDir Path dir) throws Exception {
		LabelledSequence s = randomSequence(4, 6);
		Path file = dir.resolve("seq-00000.bin");
		s.write(file);
		LabelledSequence back = LabelledSequence.read(file);
		assertArrayEquals(s.rawXy(), back.rawXy(), 0f);
		assertArrayEquals(s.truthXy(), back.truthXy(), 0f);
		assertArrayEquals(s.rawConfidence(), back.rawConfidence(), 0f);
		assertEquals(200, back.width);
		assertEquals(30, back.fps, 0);
		assertEquals(1, new SequenceCache(dir).load().size());
	}
}
