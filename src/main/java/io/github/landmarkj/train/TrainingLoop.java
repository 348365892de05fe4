package io.github.landmarkj.train;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The one training loop of every network: epochs of batches from a {@link BatchSource}, built ahead
 * on a background thread (a few batches prefetched), one optimiser step per batch, a validation figure
 * per epoch, and {@link TrainingListener}s told after each epoch. Cancellation is polled between
 * batches. A batch that fails to build reaches the caller as an exception at its turn, never a hang.
 *
 * @param <B> one batch
 */
public final class TrainingLoop<B> {
	private final BatchSource<B> source;
	private final int prefetch;

	/** @param prefetch how many batches are built ahead of the one being trained on (at least 1) */
	public TrainingLoop(BatchSource<B> source, int prefetch) {
		if (prefetch < 1) {
			throw new IllegalArgumentException("Prefetch at least one batch, got " + prefetch);
		}
		this.source = source;
		this.prefetch = prefetch;
	}

	/**
	 * Runs epochs {@code first..last}; stops early when {@code cancelled} says so.
	 * @param step trains on one batch and returns its loss
	 * @param validation the validation figure after an epoch (NaN when there is none)
	 * @param learningRate the learning rate at the end of an epoch, for the report
	 * @return the report of every epoch trained (a cancelled epoch with at least one batch counts)
	 */
	public List<EpochReport> run(int first, int last, ToDoubleFunction<B> step, DoubleSupplier validation,
			IntToDoubleFunction learningRate, List<TrainingListener> listeners, BooleanSupplier cancelled) throws IOException {
		List<EpochReport> history = new ArrayList<>();
		for (int epoch = first; epoch <= last; epoch++) {
			long t0 = System.nanoTime();
			double lossSum = 0;
			int steps = 0;
			ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
				Thread t = new Thread(r, "landmarkj-batches");
				t.setDaemon(true);
				return t;
			});
			Deque<Future<B>> ahead = new ArrayDeque<>();
			try {
				int next = 0;
				for (int b = 0; b < source.batchesPerEpoch(); b++) {
					while (next < source.batchesPerEpoch() && ahead.size() < prefetch + 1) {
						final int e = epoch, index = next++;
						ahead.add(builder.submit(() -> source.batch(e, index)));
					}
					if (cancelled.getAsBoolean()) {
						break;
					}
					lossSum += step.applyAsDouble(take(ahead.poll(), epoch, b));
					steps++;
				}
			} finally {
				ahead.forEach(f -> f.cancel(true));
				builder.shutdownNow();
			}
			if (steps == 0) {
				break;
			}
			boolean complete = steps == source.batchesPerEpoch();
			EpochReport report = new EpochReport(epoch, last, lossSum / steps, validation.getAsDouble(), learningRate.applyAsDouble(epoch),
					(System.nanoTime() - t0) / 1e9);
			history.add(report);
			for (TrainingListener l : listeners) {
				l.epochEnded(report, complete);
			}
			if (!complete || cancelled.getAsBoolean()) {
				break;
			}
		}
		return history;
	}

	private B take(Future<B> batch, int epoch, int index) throws IOException {
		try {
			return batch.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("Training was interrupted", e);
		} catch (CancellationException e) {
			throw new IOException("Training was stopped", e);
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			throw new IllegalStateException("Building batch " + (index + 1) + " of epoch " + epoch + " failed: " + cause, cause);
		}
	}
}
