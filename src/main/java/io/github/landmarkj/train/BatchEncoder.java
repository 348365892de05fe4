package io.github.landmarkj.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Record;

/**
 * Turns one batch of a {@link BatchSource} into the network's arrays: the inputs and the labels, each
 * already with the batch as first axis. Runs on the loop's prefetch thread.
 *
 * @param <B> one batch
 */
@FunctionalInterface
public interface BatchEncoder<B> {
	Record encode(NDManager manager, B batch);
}
