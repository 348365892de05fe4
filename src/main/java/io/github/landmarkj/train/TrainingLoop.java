package io.github.landmarkj.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.TranslateException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The one training loop of every network: epochs of batches from a {@link BatchSource}, read through a
 * DJL dataset ({@link EpochDataset}: DJL's data loader builds a few batches ahead on a background thread
 * and {@link BatchEncoder} turns them into arrays there), one optimiser step per batch, validation after
 * each epoch, and {@link TrainingListener}s told after each epoch (log line, live plot, checkpoint).
 * Cancellation is polled between batches. A batch that fails to build reaches the caller as an exception
 * at its turn, with its epoch, index and cause, never a hang.
 *
 * @param <B> one batch
 */
public final class TrainingLoop<B> {
	/** How long a stopped run waits for the batch being built to finish before it frees the arrays. */
	private static final long STOP_WAIT_SECONDS = 30;

	/** What the loop asks of the network being trained. */
	public interface Trainee {
		/** One optimiser step on a batch (its arrays are freed after it); the batch's loss. */
		double step(Batch batch);

		/** Validation after {@code epoch}. */
		ValidationFigures validate(int epoch);

		/** The learning rate at the end of {@code epoch}, for the report. */
		double learningRate(int epoch);
	}

	private final BatchSource<B> source;
	private final BatchEncoder<B> encoder;
	private final int prefetch;

	/** @param prefetch how many batches are built ahead of the one being trained on (at least 1) */
	public TrainingLoop(BatchSource<B> source, BatchEncoder<B> encoder, int prefetch) {
		if (prefetch < 1) {
			throw new IllegalArgumentException("Prefetch at least one batch, got " + prefetch);
		}
		this.source = source;
		this.encoder = encoder;
		this.prefetch = prefetch;
	}

	/**
	 * Runs epochs {@code first..last}; stops early when {@code cancelled} says so.
	 * @param manager where the batches' arrays are made (the trainer's manager)
	 * @return the report of every epoch trained (a cancelled epoch with at least one batch counts)
	 */
	public List<EpochReport> run(NDManager manager, int first, int last, Trainee trainee, List<TrainingListener> listeners,
			BooleanSupplier cancelled) throws IOException {
		List<EpochReport> history = new ArrayList<>();
		ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "landmarkj-batches");
			t.setDaemon(true);
			return t;
		});
		try (NDManager arrays = manager.newSubManager()) {
			try {
				for (int epoch = first; epoch <= last; epoch++) {
					long t0 = System.nanoTime();
					double lossSum = 0;
					int steps = 0;
					Iterator<Batch> batches = batches(epoch, arrays, builder);
					while (!cancelled.getAsBoolean() && batches.hasNext()) {
						try (Batch batch = next(batches, epoch, steps)) {
							lossSum += trainee.step(batch);
						}
						steps++;
					}
					if (steps == 0) {
						break;
					}
					boolean complete = steps == source.batchesPerEpoch();
					ValidationFigures figures = trainee.validate(epoch);
					EpochReport report = new EpochReport(epoch, last, lossSum / steps, figures.nme(), figures.jitter(),
							trainee.learningRate(epoch), (System.nanoTime() - t0) / 1e9);
					history.add(report);
					for (TrainingListener l : listeners) {
						l.epochEnded(report, complete);
					}
					if (!complete) {
						break;
					}
				}
			} finally {
				stop(builder);
			}
		}
		return history;
	}

	private Iterator<Batch> batches(int epoch, NDManager arrays, ExecutorService builder) throws IOException {
		try {
			return new EpochDataset<>(source, encoder, epoch, prefetch).getData(arrays, builder).iterator();
		} catch (TranslateException e) {
			throw new IOException("Cannot read the batches of epoch " + epoch + ": " + e.getMessage(), e);
		}
	}

	/** The next batch; DJL's loader reports a failed one as "Data loading failed" around the cause, which is unwrapped here. */
	private static Batch next(Iterator<Batch> batches, int epoch, int index) throws IOException {
		try {
			return batches.next();
		} catch (IllegalStateException e) {
			Throwable cause = e.getCause();
			if (cause instanceof InterruptedException) {
				Thread.currentThread().interrupt();
				throw new IOException("Training was interrupted", cause);
			}
			if (cause instanceof ExecutionException && cause.getCause() != null) {
				cause = cause.getCause();
			}
			throw new IllegalStateException("Building batch " + (index + 1) + " of epoch " + epoch + " failed: " + cause, cause);
		}
	}

	/** Stops the builder and waits (bounded) for the batch it is building, so that no array outlives its manager. */
	private static void stop(ExecutorService builder) {
		builder.shutdownNow();
		try {
			builder.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
