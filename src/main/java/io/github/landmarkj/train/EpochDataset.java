package io.github.landmarkj.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.training.dataset.SequenceSampler;
import ai.djl.translate.Batchifier;
import ai.djl.util.Progress;

/**
 * One epoch of a {@link BatchSource} as a DJL {@link RandomAccessDataset}, so that DJL's data loader
 * ({@code getData(manager, executor)}) builds the batches ahead on another thread.
 * <p>
 * Each record is a whole batch, not one example: our batches are functions of (epoch, index) whose
 * examples share one seeded random generator (the order of the faces is shuffled per epoch, each batch's
 * augmentations and occluder donors are drawn in turn from its own generator), so that a seed gives the
 * same batches as before this loop used DJL, and a resumed run the same batches as an uninterrupted one.
 * DJL's samplers pick records without an epoch and shuffle from a generator of their own, and its
 * batchifier stacks independent examples: so the sampler here reads the records in order, one a batch,
 * and the batchifier passes that one record through.
 *
 * @param <B> one batch
 */
final class EpochDataset<B> extends RandomAccessDataset {
	/**
	 * Passes a single record (already a whole batch) through, as copies. DJL's loader closes the records'
	 * arrays once they are batchified (a stacking batchifier has copied them), and an array made from Java
	 * data lives in a Java buffer that only that array keeps alive: a view of it would read freed memory
	 * (a crash in training, seen here). The copy is made on the prefetch thread, beside the training step.
	 */
	static final Batchifier ONE_RECORD = new Batchifier() {
		private static final long serialVersionUID = 1L;

		@Override
		public NDList batchify(NDList[] inputs) {
			if (inputs.length != 1) {
				throw new IllegalArgumentException("Each record is a whole batch: expected one, got " + inputs.length);
			}
			NDList copies = new NDList(inputs[0].size());
			for (NDArray a : inputs[0]) {
				copies.add(a.duplicate());
			}
			return copies;
		}

		@Override
		public NDList[] unbatchify(NDList inputs) {
			return new NDList[] {inputs};
		}
	};

	private final BatchSource<B> source;
	private final BatchEncoder<B> encoder;
	private final int epoch;

	/** Batches of {@code epoch} (1-based), {@code prefetch} built ahead when read with an executor. */
	EpochDataset(BatchSource<B> source, BatchEncoder<B> encoder, int epoch, int prefetch) {
		super(new Builder().setSampling(new BatchSampler(new SequenceSampler(), 1, false)).optDataBatchifier(ONE_RECORD)
				.optLabelBatchifier(ONE_RECORD).optPrefetchNumber(prefetch));
		this.source = source;
		this.encoder = encoder;
		this.epoch = epoch;
	}

	@Override
	public Record get(NDManager manager, long index) {
		return encoder.encode(manager, source.batch(epoch, Math.toIntExact(index)));
	}

	@Override
	protected long availableSize() {
		return source.batchesPerEpoch();
	}

	@Override
	public void prepare(Progress progress) {
		// Batches are built when read.
	}

	private static final class Builder extends BaseBuilder<Builder> {
		@Override
		protected Builder self() {
			return this;
		}
	}
}
