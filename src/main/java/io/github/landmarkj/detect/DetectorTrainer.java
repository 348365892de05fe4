package io.github.landmarkj.detect;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.landmarkj.train.CheckpointFolder;
import io.github.landmarkj.train.OptimiserStep;
import io.github.landmarkj.train.WarmupCosineSchedule;
import com.google.gson.JsonObject;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.LoadedFace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Trains the face detector on synthetic canvases: Adam with a linear warm-up and cosine decay, batches
 * built on a background thread from per-batch seeds (reproducible and resumable), a checkpoint and a
 * validation recall / precision at IoU 0.5 after every epoch.
 */
public final class DetectorTrainer {
	static final double MATCH_IOU = 0.5;

	private final DetectorPackage pkg;
	private final DetectorTrainingOptions options;
	private final Consumer<String> log;

	public DetectorTrainer(DetectorPackage pkg, DetectorTrainingOptions options, Consumer<String> log) {
		this.pkg = pkg;
		this.options = options;
		this.log = log;
	}

	/** The trained network (the caller closes it) and the last epoch's validation scores. */
	public static final class Result {
		public final DetectorModel model;
		public final DetectionScores validation;
		public final int epochsDone;

		Result(DetectorModel model, DetectionScores validation, int epochsDone) {
			this.model = model;
			this.validation = validation;
			this.epochsDone = epochsDone;
		}
	}

	/** The fixed validation canvases: held-out faces, no photometric change, at the model's input size. */
	public static List<DetectorSample> validationCanvases(List<LoadedFace> faces, int count, int size, long seed) {
		DetectorSamples samples = DetectorSamples.standard(faces, false);
		List<DetectorSample> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			out.add(samples.make(size, new Random(seed * 31 + i)));
		}
		return out;
	}

	public Result train(List<LoadedFace> training, List<LoadedFace> validation, Device device, BooleanSupplier cancelled) throws IOException {
		List<DetectorSample> valCanvases = validationCanvases(validation, options.validationCanvases, pkg.config.inputSize, 12_345);
		DetectorSamples samples = DetectorSamples.standard(training, true);
		int steps = options.canvasesPerEpoch / options.batchSize;
		DetectorModel model = DetectorModel.create(pkg.config, device);
		int startEpoch = 1;
		CheckpointFolder checkpoint = new CheckpointFolder(options.checkpointDir);
		if (options.resume && checkpoint.exists()) {
			model.loadWeights(checkpoint.weights());
			startEpoch = checkpoint.epochsDone() + 1;
			log.accept(checkpoint.resumeMessage(startEpoch - 1));
		}
		final int offset = (startEpoch - 1) * steps;
		Tracker schedule = new WarmupCosineSchedule(options.learningRate, steps, options.epochs, offset);
		DetectorLoss loss = new DetectorLoss(1f, 1f);
		DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
				.optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).build()).optDevices(new Device[] {device});
		DetectionScores scores = DetectionScores.empty();
		int epochsDone = startEpoch - 1;
		int s = options.canvasSize, g = s / DetectorConfig.STRIDE;
		try (Trainer trainer = model.djlModel().newTrainer(config)) {
			trainer.initialize(new Shape(options.batchSize, 3, s, s));
			for (int epoch = startEpoch; epoch <= options.epochs; epoch++) {
				long t0 = System.nanoTime();
				BatchProducer producer = new BatchProducer(samples, steps, epoch);
				Thread thread = new Thread(producer, "landmarkj-detector-batches");
				thread.setDaemon(true);
				thread.start();
				double lossSum = 0;
				int done = 0;
				try {
					for (int b = 0; b < steps && !cancelled.getAsBoolean(); b++) {
						List<DetectorSample> batch = producer.take();
						int n = batch.size();
						float[] x = new float[n * 3 * s * s];
						float[] heat = new float[n * g * g], size = new float[n * 2 * g * g], off = new float[n * 2 * g * g];
						float[] mask = new float[n * g * g], negw = new float[n * g * g];
						for (int i = 0; i < n; i++) {
							DetectorSample e = batch.get(i);
							pkg.normalisation.apply(e.pixels(), x, i * 3 * s * s);
							DetectorTargets t = DetectorTargets.of(e.boxes, g, g, DetectorConfig.STRIDE);
							System.arraycopy(t.heat, 0, heat, i * g * g, g * g);
							System.arraycopy(t.size, 0, size, i * 2 * g * g, 2 * g * g);
							System.arraycopy(t.offset, 0, off, i * 2 * g * g, 2 * g * g);
							System.arraycopy(t.centreMask, 0, mask, i * g * g, g * g);
							System.arraycopy(e.negativeWeight(), 0, negw, i * g * g, g * g);
						}
						try (NDManager m = trainer.getManager().newSubManager()) {
							NDList inputs = new NDList(m.create(x, new Shape(n, 3, s, s)));
							NDList labels = new NDList(m.create(heat, new Shape(n, 1, g, g)), m.create(size, new Shape(n, 2, g, g)),
									m.create(off, new Shape(n, 2, g, g)), m.create(mask, new Shape(n, 1, g, g)),
									m.create(negw, new Shape(n, 1, g, g)));
							lossSum += OptimiserStep.run(trainer, loss, inputs, labels);
						}
						done++;
					}
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IOException("Training was interrupted", e);
				} finally {
					producer.stop();
				}
				scores = evaluate(model, valCanvases, pkg);
				boolean complete = done == steps;
				log.accept(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  val recall %.2f%% precision %.2f%% (IoU %.1f, score >= %.2f, %d faces)  lr %.2e  %.0f s",
						epoch, options.epochs, lossSum / Math.max(1, done), 100 * scores.recall(), 100 * scores.precision(), MATCH_IOU,
						pkg.scoreThreshold, scores.truePositives + scores.falseNegatives, schedule.getNewValue(epoch * steps - offset - 1),
						(System.nanoTime() - t0) / 1e9));
				if (complete) {
					epochsDone = epoch;
				}
				JsonObject figures = new JsonObject();
				figures.addProperty("validation_recall", scores.recall());
				figures.addProperty("validation_precision", scores.precision());
				checkpoint.save(model::saveWeights, epochsDone, figures);
				if (!complete || cancelled.getAsBoolean()) {
					log.accept("Stopped: the last checkpoint is kept in " + options.checkpointDir);
					break;
				}
			}
		}
		return new Result(model, scores, epochsDone);
	}

	/** Recall and precision at IoU 0.5 of the network on square canvases of the model's input size. */
	public static DetectionScores evaluate(DetectorModel model, List<DetectorSample> canvases, DetectorPackage pkg) {
		return evaluate(model, canvases, pkg, pkg.scoreThreshold);
	}

	public static DetectionScores evaluate(DetectorModel model, List<DetectorSample> canvases, DetectorPackage pkg, double threshold) {
		DetectionDecoder decoder = new DetectionDecoder(pkg.nmsIou);
		DetectionScores total = DetectionScores.empty();
		for (DetectorSample c : canvases) {
			float[] input = new float[3 * c.size * c.size];
			pkg.normalisation.apply(c.pixels(), input, 0);
			List<FaceBox> found = decoder.decode(model.predict(input, c.size, c.size), threshold);
			total = total.plus(DetectionScores.of(found, c.boxes, MATCH_IOU));
		}
		return total;
	}

	/** Builds an epoch's batches ahead of the training loop on one background thread. */
	private final class BatchProducer implements Runnable {
		private final DetectorSamples samples;
		private final int batches;
		private final int epoch;
		private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(3);
		private final AtomicBoolean stopped = new AtomicBoolean();

		BatchProducer(DetectorSamples samples, int batches, int epoch) {
			this.samples = samples;
			this.batches = batches;
			this.epoch = epoch;
		}

		@Override
		public void run() {
			try {
				for (int b = 0; b < batches && !stopped.get(); b++) {
					Random rng = new Random(options.seed * 7_919L + epoch * 104_729L + b);
					List<DetectorSample> batch = new ArrayList<>(options.batchSize);
					for (int i = 0; i < options.batchSize; i++) {
						batch.add(samples.make(options.canvasSize, rng));
					}
					queue.put(batch);
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (RuntimeException e) {
				queue.offer(e);
			}
		}

		@SuppressWarnings("unchecked")
		List<DetectorSample> take() throws InterruptedException {
			Object o = queue.take();
			if (o instanceof RuntimeException) {
				throw new IllegalStateException("Building a detector batch failed: " + ((RuntimeException) o).getMessage(), (RuntimeException) o);
			}
			return (List<DetectorSample>) o;
		}

		void stop() {
			stopped.set(true);
			queue.clear();
		}
	}
}
