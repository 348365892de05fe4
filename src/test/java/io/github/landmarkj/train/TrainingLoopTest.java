package io.github.landmarkj.train;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one training loop, with plain Java batches (no network, no libtorch). */
class TrainingLoopTest {
	/** Batches "epoch:index"; batch {@code failing} of every epoch throws. */
	private static BatchSource<String> source(int batches, int failing, RuntimeException error) {
		return new BatchSource<String>() {
			@Override
			public int batchesPerEpoch() {
				return batches;
			}

			@Override
			public String batch(int epoch, int index) {
				if (index == failing) {
					throw error;
				}
				return epoch + ":" + index;
			}
		};
	}

	@Test
	void trainsEveryBatchOfEveryEpochInOrderAndTellsTheListeners() throws Exception {
		List<String> seen = new ArrayList<>();
		List<String> told = new ArrayList<>();
		List<EpochReport> history = new TrainingLoop<>(source(3, -1, null), 2).run(2, 3, b -> {
			seen.add(b);
			return seen.size();
		}, () -> 0.25, e -> 0.001 * e, Collections.singletonList((r, complete) -> told.add(r.epoch() + " " + complete)), () -> false);
		assertEquals(List.of("2:0", "2:1", "2:2", "3:0", "3:1", "3:2"), seen);
		assertEquals(List.of("2 true", "3 true"), told);
		assertEquals(2, history.size());
		assertEquals((1 + 2 + 3) / 3.0, history.get(0).trainingLoss(), 1e-12);
		assertEquals(0.25, history.get(1).validationNme());
		assertEquals(0.003, history.get(1).learningRate(), 1e-12);
		assertEquals(3, history.get(1).epochs());
	}

	/**
	 * The hang of the old producer thread: a batch that fails while the batches ahead fill the queue and
	 * the trainer is busy. The error must reach the caller, with its cause, and nothing may wait forever.
	 */
	@Test
	void aFailingBatchReachesTheCallerAndNothingHangs() {
		RuntimeException boom = new IllegalArgumentException("a broken face");
		IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(IllegalStateException.class,
				() -> new TrainingLoop<>(source(50, 4, boom), 3).run(1, 5, b -> {
					try {
						Thread.sleep(50); // the builder runs ahead and fills what it may prefetch
					} catch (InterruptedException ie) {
						Thread.currentThread().interrupt();
					}
					return 1;
				}, () -> Double.NaN, x -> 0, Collections.emptyList(), () -> false)));
		assertSame(boom, e.getCause());
		assertTrue(e.getMessage().contains("batch 5 of epoch 1") && e.getMessage().contains("a broken face"), e.getMessage());
	}

	@Test
	void cancellationBetweenBatchesEndsTheEpochAndSaysItIsIncomplete() throws Exception {
		AtomicInteger steps = new AtomicInteger();
		List<Boolean> complete = new ArrayList<>();
		List<EpochReport> history = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new TrainingLoop<>(source(10, -1, null), 2)
				.run(1, 4, b -> steps.incrementAndGet(), () -> 0, x -> 0, Collections.singletonList((r, c) -> complete.add(c)),
						() -> steps.get() >= 3));
		assertEquals(3, steps.get());
		assertEquals(1, history.size());
		assertEquals(List.of(false), complete);
	}

	@Test
	void cancelledBeforeTheFirstBatchTrainsNothing() throws Exception {
		List<EpochReport> history = new TrainingLoop<>(source(10, -1, null), 2).run(1, 4, b -> {
			throw new AssertionError("no batch may be trained");
		}, () -> 0, x -> 0, Collections.emptyList(), () -> true);
		assertTrue(history.isEmpty());
		assertFalse(Thread.currentThread().isInterrupted());
	}
}
