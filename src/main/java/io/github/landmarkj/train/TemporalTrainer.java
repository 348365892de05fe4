package io.github.landmarkj.train;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import com.google.gson.JsonObject;
import io.github.landmarkj.core.TemporalFeatures;
import io.github.landmarkj.engine.TemporalModel;
import io.github.landmarkj.net.TemporalConfig;
import io.github.landmarkj.video.LearnedSmoother;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Trains the temporal model on recorded sequences: Adam with the project's warm-up + cosine schedule,
 * one optimiser step per batch of augmented windows ({@link TemporalBatches}), after each epoch the
 * held-out NME and jitter of the model as the track verb runs it, and a checkpoint to resume from.
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
			try (Trainer trainer = model.djlModel().newTrainer(trainingConfig)) {
				trainer.initialize(new Shape(options.batchSize, frames, config.inputWidth()));
				for (int epoch = startEpoch; epoch <= options.epochs && !cancelled.getAsBoolean(); epoch++) {
					long t0 = System.nanoTime();
					Random rng = new Random(options.seed * 1_000_003L + epoch);
					List<LabelledSequence> order = new ArrayList<>(training);
					Collections.shuffle(order, rng);
					double lossSum = 0;
					for (int b = 0; b < stepsPerEpoch; b++) {
						int window = minWindow + rng.nextInt(frames - minWindow + 1);
						List<LabelledSequence> windows = new ArrayList<>(options.batchSize);
						for (int k = 0; k < options.batchSize; k++) {
							windows.add(batches.augmented(order.get(b * options.batchSize + k), window, rng));
						}
						TemporalBatches.Batch batch = batches.encode(windows);
						try (NDManager m = trainer.getManager().newSubManager()) {
							NDList x = new NDList(m.create(batch.inputs, new Shape(batch.size, window, config.inputWidth())));
							NDList y = new NDList(m.create(batch.targets, new Shape(batch.size, window, config.outputWidth())));
							lossSum += OptimiserStep.run(trainer, loss, x, y);
						}
					}
					String line = String.format(java.util.Locale.ROOT, "epoch %d/%d  loss %.4f  lr %.2e  %.1f s", epoch, options.epochs,
							lossSum / stepsPerEpoch, schedule.getNewValue(epoch * stepsPerEpoch - offset - 1), (System.nanoTime() - t0) / 1e9);
					JsonObject figures = new JsonObject();
					if (epoch % EVALUATE_EVERY == 0 || epoch == options.epochs) {
						SequenceMetrics held = evaluate(evaluator, validation);
						line += String.format(java.util.Locale.ROOT, "  held-out NME(io) %.3f%%  jitter %.3f%%", 100 * held.nme(),
								100 * held.jitter());
						figures.addProperty("validation_nme_io", held.nme());
						figures.addProperty("validation_jitter_io", held.jitter());
					}
					log.accept(line);
					checkpoint.save(model::saveWeights, epoch, figures);
				}
			}
			return model;
		} catch (IOException | RuntimeException e) {
			model.close();
			throw e;
		}
	}

	SequenceMetrics evaluate(LearnedSmoother smoother, List<LabelledSequence> sequences) {
		SequenceMetrics m = new SequenceMetrics(config.points(), eyeRight, eyeLeft);
		for (LabelledSequence s : sequences) {
			m.add(SequenceSmoothing.apply(smoother, s), s.truthXy(), s.frames);
		}
		return m;
	}
}
