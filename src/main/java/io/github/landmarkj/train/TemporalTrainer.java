package io.github.landmarkj.train;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import ai.djl.training.optimizer.Optimizer;
import io.github.landmarkj.core.TemporalFeatures;
import io.github.landmarkj.engine.TemporalModel;
import io.github.landmarkj.net.TemporalConfig;
import io.github.landmarkj.video.LearnedSmoother;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Trains the temporal model on recorded sequences on the one {@link TrainingLoop}: Adam with the
 * project's warm-up + cosine schedule, one optimiser step per batch of augmented windows
 * ({@link TemporalBatches}, built ahead), every {@value #EVALUATE_EVERY} epochs and after the last the
 * held-out NME and jitter of the model as the track verb runs it, a log line and a checkpoint to resume
 * from after every epoch, cancellation between batches.
 */
public final class TemporalTrainer {
	/** Epochs between evaluations on the held-out sequences (reported only: the last epoch's weights are kept). */
	static final int EVALUATE_EVERY = 10;
	/** What a training run is asked to do. */
	public record Options(int epochs, int batchSize, double learningRate, int minWindow, float jitterWeight, long seed,
			Path checkpointDir, boolean resume) {
		public Options {
			if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || minWindow < 2 || jitterWeight < 0) {
				throw new IllegalArgumentException("Bad temporal training options");
			}
		}
	}

	private final TemporalConfig config;
	private final Options options;
	private final int[] mirror;
	private final int eyeRight;
	private final int eyeLeft;
	private final Consumer<String> log;

	public TemporalTrainer(TemporalConfig config, Options options, int[] mirror, int eyeRight, int eyeLeft, Consumer<String> log) {
		this.config = config;
		this.options = options;
		this.mirror = mirror.clone();
		this.eyeRight = eyeRight;
		this.eyeLeft = eyeLeft;
		this.log = log;
	}

	/** @return the trained network (the caller closes it) */
	public TemporalModel train(List<LabelledSequence> training, List<LabelledSequence> validation, Device device,
			BooleanSupplier cancelled) throws IOException {
		if (training.size() < options.batchSize) {
			throw new IOException("Only " + training.size() + " training sequences: need at least one batch of " + options.batchSize);
		}
		int frames = Integer.MAX_VALUE;
		for (LabelledSequence s : training) {
			frames = Math.min(frames, s.frames);
		}
		int minWindow = Math.min(options.minWindow, frames);
		TemporalFeatures features = new TemporalFeatures(config.points());
		TemporalBatches batches = new TemporalBatches(features, mirror);
		int stepsPerEpoch = training.size() / options.batchSize;
		TemporalModel model = TemporalModel.create(config, device);
		try {
			CheckpointFolder checkpoint = new CheckpointFolder(options.checkpointDir);
			int startEpoch = 1;
			if (options.resume && checkpoint.exists()) {
				model.loadWeights(checkpoint.weights());
				startEpoch = checkpoint.epochsDone() + 1;
				log.accept(checkpoint.resumeMessage(startEpoch - 1));
			}
			int offset = (startEpoch - 1) * stepsPerEpoch;
			WarmupCosineSchedule schedule = new WarmupCosineSchedule(options.learningRate, stepsPerEpoch, options.epochs, offset);
			TemporalLoss loss = new TemporalLoss(options.jitterWeight);
			DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(loss)
					.optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).build())
					.optDevices(new Device[] {device});
			LearnedSmoother evaluator = new LearnedSmoother(model, "training");
			List<TrainingListener> listeners = List.of((report, complete) -> log.accept(logLine(report)),
					checkpoint.saver(model::saveWeights));
			TrainingLoop<List<LabelledSequence>> loop = new TrainingLoop<>(batches(training, batches, frames, minWindow, stepsPerEpoch),
					(manager, windows) -> encode(manager, batches.encode(windows)), 2);
			try (Trainer trainer = model.djlModel().newTrainer(trainingConfig)) {
				trainer.initialize(new Shape(options.batchSize, frames, config.inputWidth()));
				loop.run(trainer.getManager(), startEpoch, options.epochs, new TrainingLoop.Trainee() {
					@Override
					public double step(Batch batch) {
						return OptimiserStep.run(trainer, loss, batch.getData(), batch.getLabels());
					}

					@Override
					public ValidationFigures validate(int epoch) {
						if (epoch % EVALUATE_EVERY != 0 && epoch != options.epochs) {
							return ValidationFigures.NONE;
						}
						SequenceMetrics held = evaluate(evaluator, validation);
						return new ValidationFigures(held.nme(), held.jitter());
					}

					@Override
					public double learningRate(int epoch) {
						return schedule.getNewValue(epoch * stepsPerEpoch - offset - 1);
					}
				}, listeners, cancelled);
			}
			return model;
		} catch (IOException | RuntimeException e) {
			model.close();
			throw e;
		}
	}

	/**
	 * The epoch's batches: the sequences in an order shuffled per epoch; each batch a window length, then
	 * per sequence a mirror, a reversal and a first frame, all drawn in turn from one generator per epoch.
	 * A batch replays the draws of the batches before it (a few numbers each), so that it is a function of
	 * its epoch and index and every batch is the one this trainer drew before it ran on the training loop.
	 */
	BatchSource<List<LabelledSequence>> batches(List<LabelledSequence> training, TemporalBatches batches, int frames, int minWindow,
			int stepsPerEpoch) {
		return new BatchSource<>() {
			@Override
			public int batchesPerEpoch() {
				return stepsPerEpoch;
			}

			@Override
			public List<LabelledSequence> batch(int epoch, int index) {
				Random rng = new Random(options.seed * 1_000_003L + epoch);
				List<LabelledSequence> order = new ArrayList<>(training);
				Collections.shuffle(order, rng);
				List<LabelledSequence> windows = new ArrayList<>(options.batchSize);
				for (int b = 0; b <= index; b++) {
					int window = minWindow + rng.nextInt(frames - minWindow + 1);
					for (int k = 0; k < options.batchSize; k++) {
						LabelledSequence s = order.get(b * options.batchSize + k);
						TemporalBatches.WindowDraw draw = batches.draw(s, window, rng);
						if (b == index) {
							windows.add(batches.apply(s, window, draw));
						}
					}
				}
				return windows;
			}
		};
	}

	/** Inputs (n, frames, inputWidth) and targets (n, frames, outputWidth) of a batch. */
	private Record encode(NDManager manager, TemporalBatches.Batch batch) {
		return new Record(new NDList(manager.create(batch.inputs, new Shape(batch.size, batch.frames, config.inputWidth()))),
				new NDList(manager.create(batch.targets, new Shape(batch.size, batch.frames, config.outputWidth()))));
	}

	/** The log line of an epoch, with the held-out figures on the epochs that measure them. */
	private static String logLine(EpochReport report) {
		String line = String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  lr %.2e  %.1f s", report.epoch(), report.epochs(),
				report.trainingLoss(), report.learningRate(), report.seconds());
		if (!Double.isNaN(report.validationNme())) {
			line += String.format(Locale.ROOT, "  held-out NME(io) %.3f%%  jitter %.3f%%", 100 * report.validationNme(),
					100 * report.validationJitter());
		}
		return line;
	}

	SequenceMetrics evaluate(LearnedSmoother smoother, List<LabelledSequence> sequences) {
		SequenceMetrics m = new SequenceMetrics(config.points(), eyeRight, eyeLeft);
		for (LabelledSequence s : sequences) {
			m.add(SequenceSmoothing.apply(smoother, s), s.truthXy(), s.frames);
		}
		return m;
	}
}
