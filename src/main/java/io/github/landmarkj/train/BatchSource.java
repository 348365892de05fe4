package io.github.landmarkj.train;

/**
 * The batches of one network's training, as plain Java values. A batch is a function of its epoch and
 * index only (shuffling and augmentation seeded from them), so runs are reproducible and resumable,
 * and the loop may build batches ahead on another thread.
 *
 * @param <B> one batch (e.g. a list of augmented examples)
 */
public interface BatchSource<B> {
	int batchesPerEpoch();

	/** Builds batch {@code index} (0-based) of {@code epoch} (1-based); may throw, the loop reports it. */
	B batch(int epoch, int index);
}
