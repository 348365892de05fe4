package io.github.landmarkj.train;

import java.io.IOException;

/** Told after every epoch of a {@link TrainingLoop}: log lines, live plots, checkpoints. */
public interface TrainingListener {
	/**
	 * @param report the epoch's figures
	 * @param complete false when the epoch was cut short by cancellation (its weights hold fewer batches)
	 */
	void epochEnded(EpochReport report, boolean complete) throws IOException;
}
