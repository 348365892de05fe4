package io.github.landmarkj.train;

import io.github.landmarkj.core.LoadedFace;
import io.github.landmarkj.eval.Metrics;
import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.core.HeatmapDecoder;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.engine.LandmarkModel;
import io.github.landmarkj.engine.LandmarkSpec;
import io.github.landmarkj.engine.ModelLocator;
import io.github.landmarkj.net.NetConfig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Trains a landmark network on the one {@link TrainingLoop}: Adam with a linear warm-up and cosine decay,
 * batches built ahead (each from its own seeded random generator, so runs are reproducible and
 * resumable), validation NME(io), a log line and a checkpoint after every epoch.
 */
public final class LandmarkTrainer {

	private final LandmarkSpec spec;
	private final TrainingOptions options;
	private final Consumer<String> log;

	public LandmarkTrainer(LandmarkSpec spec, TrainingOptions options, Consumer<String> log) {
		this.spec = spec;
		this.options = options;
		this.log = log;
	}

	/** The result: the trained network (caller closes it) and the last epoch's report. */
	public static final class Result {
		public final LandmarkModel model;
		public final List<EpochReport> history;

		Result(LandmarkModel model, List<EpochReport> history) {
			this.model = model;
			this.history = Collections.unmodifiableList(history);
		}
	}

	/**
	 * @param init the model to start from (fine-tuning; its weights are checked against its model.json), or null for a fresh network
	 * @param epochListener called after every epoch (live plots)
	 * @param cancelled polled between batches; training stops after saving a checkpoint
	 */
	public Result train(TrainingData data, Device device, ModelLocator.LocatedModel<LandmarkSpec> init, Consumer<EpochReport> epochListener,
			BooleanSupplier cancelled) throws IOException {
		NetConfig net = spec.net;
		List<Point2> meanShape = meanShape(data.training);
		FaceAugmenter augmenter = augmenter(options.augmentation(), meanShape);
		FaceAugmenter plain = augmenter(AugmentationConfig.none(), meanShape);
		List<TrainingExample> validation = new ArrayList<>();
		for (int i = 0; i < data.validation.size(); i++) {
			LoadedFace f = data.validation.get(i);
			validation.add(plain.make(f.image(), f.points(), null, new Random(i)));
		}
		int stepsPerEpoch = Math.max(1, data.training.size() / options.batchSize());

		int startEpoch = 1;
		LandmarkModel model = LandmarkModel.create(net, device);
		List<EpochReport> history = new ArrayList<>();
		CheckpointFolder checkpoint = new CheckpointFolder(options.checkpointDir());
		if (options.resume() && checkpoint.exists()) {
			model.loadWeights(checkpoint.weights());
			startEpoch = checkpoint.epochsDone() + 1;
			log.accept(checkpoint.resumeMessage(startEpoch - 1));
		} else if (init != null) {
			model.loadWeights(init);
			log.accept("Starting from the weights of " + init.origin);
		}
		final int offset = (startEpoch - 1) * stepsPerEpoch;
		Tracker schedule = new WarmupCosineSchedule(options.learningRate(), stepsPerEpoch, options.epochs(), offset);
		LandmarkLoss loss = new LandmarkLoss(1f);
		DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
				.optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).build())
				.optDevices(new Device[] {device});
		HeatmapDecoder decoder = spec.decoder();
		Metrics metrics = new Metrics(spec.scheme);
		int s = spec.net.inputSize;
		List<TrainingListener> listeners = new ArrayList<>();
		listeners.add((report, complete) -> {
			log.accept(report.toString());
			epochListener.accept(report);
		});
		listeners.add(checkpoint.saver(model::saveWeights));
		TrainingLoop<List<TrainingExample>> loop = new TrainingLoop<>(batches(data.training, augmenter, stepsPerEpoch), this::encode, 2);
		try (Trainer trainer = model.djlModel().newTrainer(config)) {
			trainer.initialize(new Shape(options.batchSize(), 3, s, s));
			history.addAll(loop.run(trainer.getManager(), startEpoch, options.epochs(), new TrainingLoop.Trainee() {
				@Override
				public double step(Batch batch) {
					return OptimiserStep.run(trainer, loss, batch.getData(), batch.getLabels());
				}

				@Override
				public ValidationFigures validate(int epoch) {
					return ValidationFigures.nme(validationNme(model, validation, decoder, metrics));
				}

				@Override
				public double learningRate(int epoch) {
					return schedule.getNewValue(epoch * stepsPerEpoch - offset - 1);
				}
			}, listeners, cancelled));
		} catch (IOException | RuntimeException e) {
			model.close();
			throw e;
		}
		if (cancelled.getAsBoolean()) {
			log.accept("Cancelled: the last checkpoint is kept in " + options.checkpointDir());
		}
		return new Result(model, history);
	}

	/** The epoch's batches: faces in an order shuffled per epoch, each batch augmented from its own seeded generator. */
	BatchSource<List<TrainingExample>> batches(List<LoadedFace> faces, FaceAugmenter augmenter, int stepsPerEpoch) {
		return new BatchSource<List<TrainingExample>>() {
			@Override
			public int batchesPerEpoch() {
				return stepsPerEpoch;
			}

			@Override
			public List<TrainingExample> batch(int epoch, int b) {
				List<Integer> order = new ArrayList<>();
				for (int i = 0; i < faces.size(); i++) {
					order.add(i);
				}
				Collections.shuffle(order, new Random(options.seed() * 1_000_003L + epoch));
				Random rng = new Random(options.seed() * 7_919L + epoch * 104_729L + b);
				List<TrainingExample> batch = new ArrayList<>(options.batchSize());
				for (int i = 0; i < options.batchSize(); i++) {
					LoadedFace f = faces.get(order.get(b * options.batchSize() + i));
					LoadedFace donorFace = faces.get(rng.nextInt(faces.size()));
					float[] donor = donorFace.image().warp(spec.cropRule().transformFor(FaceBox.enclosing(donorFace.points())),
							spec.net.inputSize, spec.net.inputSize).toPlanarArray();
					batch.add(augmenter.make(f.image(), f.points(), donor, rng));
				}
				return batch;
			}
		};
	}

	/** A batch of examples as arrays: inputs (n, 3, s, s); labels: heat maps (n, m, hm, hm) and occlusion grids (n, 1, g, g). */
	private Record encode(NDManager manager, List<TrainingExample> batch) {
		NetConfig net = spec.net;
		int n = batch.size(), s = net.inputSize, m = net.landmarks, hm = net.heatmapSize(), g = net.occlusionSize();
		float[] x = new float[n * 3 * s * s], yh = new float[n * m * hm * hm], yo = new float[n * g * g];
		for (int i = 0; i < n; i++) {
			TrainingExample e = batch.get(i);
			System.arraycopy(e.input, 0, x, i * 3 * s * s, 3 * s * s);
			System.arraycopy(e.heatmaps, 0, yh, i * m * hm * hm, m * hm * hm);
			System.arraycopy(e.occlusionGrid, 0, yo, i * g * g, g * g);
		}
		return new Record(new NDList(manager.create(x, new Shape(n, 3, s, s))),
				new NDList(manager.create(yh, new Shape(n, m, hm, hm)), manager.create(yo, new Shape(n, 1, g, g))));
	}

	private FaceAugmenter augmenter(AugmentationConfig config, List<Point2> meanShape) {
		return FaceAugmenter.forModel(spec, config, meanShape);
	}

	/** Mean NME(io) of the network on prepared validation crops (NME does not change under the crop's similarity). */
	public static double validationNme(LandmarkModel model, List<TrainingExample> examples, HeatmapDecoder decoder, Metrics metrics) {
		if (examples.isEmpty()) {
			return Double.NaN;
		}
		List<List<Point2>> predicted = new ArrayList<>();
		List<List<Point2>> truth = new ArrayList<>();
		for (List<TrainingExample> chunk : chunks(examples, 32)) {
			List<float[]> inputs = new ArrayList<>();
			chunk.forEach(e -> inputs.add(e.input));
			List<Heatmaps> maps = model.predict(inputs);
			for (int i = 0; i < chunk.size(); i++) {
				Landmarks l = decoder.decode(maps.get(i));
				predicted.add(l.points());
				truth.add(chunk.get(i).cropPoints);
			}
		}
		return metrics.evaluate(predicted, truth).meanNmeInterOcular();
	}

	static <T> List<List<T>> chunks(List<T> list, int size) {
		List<List<T>> out = new ArrayList<>();
		for (int i = 0; i < list.size(); i += size) {
			out.add(list.subList(i, Math.min(list.size(), i + size)));
		}
		return out;
	}

	/** The mean face in crop coordinates (no augmentation), for the caricature warp. */
	List<Point2> meanShape(List<LoadedFace> faces) {
		int m = spec.net.landmarks;
		double[] sx = new double[m], sy = new double[m];
		for (LoadedFace f : faces) {
			var t = spec.cropRule().transformFor(FaceBox.enclosing(f.points()));
			for (int i = 0; i < m; i++) {
				Point2 p = t.apply(f.points().get(i));
				sx[i] += p.x;
				sy[i] += p.y;
			}
		}
		List<Point2> mean = new ArrayList<>(m);
		for (int i = 0; i < m; i++) {
			mean.add(new Point2(sx[i] / Math.max(1, faces.size()), sy[i] / Math.max(1, faces.size())));
		}
		return mean;
	}
}
