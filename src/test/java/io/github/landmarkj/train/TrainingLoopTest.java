package io.github.landmarkj.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one training loop, with tiny batches (an epoch and an index as an array; no network). */
class TrainingLoopTest {
	private static NDManager manager;

	@BeforeAll
	static void open() {
		manager = NDManager.newBaseManager();
	}

	@AfterAll
	static void close() {
		manager.close();
	}

	/** Batches {epoch, index}; batch {@code failing} of every epoch throws. */
	private static BatchSource<int[]> source(int batches, int failing, RuntimeException error) {
		return new BatchSource<int[]>() {
			@Override
			public int batchesPerEpoch() {
				return batches;
			}

			@Override
			public int[] batch(int epoch, int index) {
				if (index == failing) {
					throw error;
				}
				return new int[] {epoch, index};
			}
		};
	}

	private static final BatchEncoder<int[]> ENCODER = (m, b) -> new Record(new NDList(m.create(b)), new NDList(m.create(b[1])));

	/** "epoch:index" of a batch as the step sees it, its label checked. */
	private static String name(Batch batch) {
		int[] b = batch.getData().singletonOrThrow().toIntArray();
		assertEquals(b[1], batch.getLabels().singletonOrThrow().getInt());
		return b[0] + ":" + b[1];
	}

	private static List<EpochReport> run(BatchSource<int[]> source, int prefetch, int first, int last, ToDoubleFunction<Batch> step,
			double validation, List<TrainingListener> listeners, BooleanSupplier cancelled) throws Exception {
		return new TrainingLoop<>(source, ENCODER, prefetch).run(manager, first, last, new TrainingLoop.Trainee() {
			@Override
			public double step(Batch batch) {
				return step.applyAsDouble(batch);
			}

			@Override
			public ValidationFigures validate(int epoch) {
				return epoch == 3 ? new ValidationFigures(validation, 0.5) : ValidationFigures.nme(validation);
			}

			@Override
			public double learningRate(int epoch) {
				return 0.001 * epoch;
			}
		}, listeners, cancelled);
	}

	@Test
	void trainsEveryBatchOfEveryEpochInOrderAndTellsTheListeners() throws Exception {
		List<String> seen = new ArrayList<>();
		List<String> told = new ArrayList<>();
		List<EpochReport> history = run(source(3, -1, null), 2, 2, 3, b -> {
			seen.add(name(b));
			return seen.size();
		}, 0.25, Collections.singletonList((r, complete) -> told.add(r.epoch() + " " + complete)), () -> false);
		assertEquals(List.of("2:0", "2:1", "2:2", "3:0", "3:1", "3:2"), seen);
		assertEquals(List.of("2 true", "3 true"), told);
		assertEquals(2, history.size());
		assertEquals((1 + 2 + 3) / 3.0, history.get(0).trainingLoss(), 1e-12);
		assertEquals(0.25, history.get(1).validationNme());
		assertTrue(Double.isNaN(history.get(0).validationJitter()));
		assertEquals(0.5, history.get(1).validationJitter());
		assertEquals(0.003, history.get(1).learningRate(), 1e-12);
		assertEquals(3, history.get(1).epochs());
	}

	/** Batches are built on the loop's own thread, ahead of the step (so a slow augmentation overlaps training). */
	@Test
	void batchesAreBuiltAheadOnAnotherThread() throws Exception {
		List<String> builders = Collections.synchronizedList(new ArrayList<>());
		BatchSource<int[]> source = source(4, -1, null);
		BatchSource<int[]> watched = new BatchSource<>() {
			@Override
			public int batchesPerEpoch() {
				return source.batchesPerEpoch();
			}

			@Override
			public int[] batch(int epoch, int index) {
				builders.add(Thread.currentThread().getName());
				return source.batch(epoch, index);
			}
		};
		AtomicInteger builtBeforeFirstStep = new AtomicInteger(-1);
		run(watched, 2, 1, 1, b -> {
			if (builtBeforeFirstStep.get() < 0) {
				try {
					Thread.sleep(200); // the builder runs ahead meanwhile
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				builtBeforeFirstStep.set(builders.size());
			}
			return 0;
		}, 0, Collections.emptyList(), () -> false);
		assertEquals(4, builders.size());
		builders.forEach(t -> assertNotEquals(Thread.currentThread().getName(), t));
		assertTrue(builtBeforeFirstStep.get() >= 2, "only " + builtBeforeFirstStep.get() + " batches built ahead");
	}

	/**
	 * The hang of the old producer thread: a batch that fails while the batches ahead fill the queue and
	 * the trainer is busy. The error must reach the caller, with its cause, and nothing may wait forever.
	 */
	@Test
	void aFailingBatchReachesTheCallerAndNothingHangs() {
		RuntimeException boom = new IllegalArgumentException("a broken face");
		IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(IllegalStateException.class,
				() -> run(source(50, 4, boom), 3, 1, 5, b -> {
					try {
						Thread.sleep(50); // the builder runs ahead and fills what it may prefetch
					} catch (InterruptedException ie) {
						Thread.currentThread().interrupt();
					}
					return 1;
				}, Double.NaN, Collections.emptyList(), () -> false)));
		assertSame(boom, e.getCause());
		assertTrue(e.getMessage().contains("batch 5 of epoch 1") && e.getMessage().contains("a broken face"), e.getMessage());
	}

	@Test
	void cancellationBetweenBatchesEndsTheEpochAndSaysItIsIncomplete() throws Exception {
		AtomicInteger steps = new AtomicInteger();
		List<Boolean> complete = new ArrayList<>();
		List<EpochReport> history = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(source(10, -1, null), 2, 1, 4,
				b -> steps.incrementAndGet(), 0, Collections.singletonList((r, c) -> complete.add(c)), () -> steps.get() >= 3));
		assertEquals(3, steps.get());
		assertEquals(1, history.size());
		assertEquals(List.of(false), complete);
	}

	@Test
	void cancelledBeforeTheFirstBatchTrainsNothing() throws Exception {
		List<EpochReport> history = run(source(10, -1, null), 2, 1, 4, b -> {
			throw new AssertionError("no batch may be trained");
		}, 0, Collections.emptyList(), () -> true);
		assertTrue(history.isEmpty());
		assertFalse(Thread.currentThread().isInterrupted());
	}

	/**
	 * DJL's loader closes a record once batchified: the batch holds copies, which stay whole when the
	 * record's arrays (and the Java buffers behind them) are gone. A view would change with the record.
	 */
	@Test
	void aBatchHoldsCopiesOfItsRecord() {
		try (NDManager m = manager.newSubManager()) {
			NDArray a = m.create(new float[] {1, 2, 3});
			NDList record = new NDList(a);
			NDList batch = EpochDataset.ONE_RECORD.batchify(new NDList[] {record});
			a.addi(1);
			record.close();
			System.gc();
			assertArrayEquals(new float[] {1, 2, 3}, batch.singletonOrThrow().toFloatArray());
			assertThrows(IllegalArgumentException.class, () -> EpochDataset.ONE_RECORD.batchify(new NDList[] {batch, batch}));
		}
	}
}
