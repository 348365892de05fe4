package io.github.landmarkj.net;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import io.github.landmarkj.engine.IntraOpThreads;
import io.github.landmarkj.engine.LandmarkModel;
import io.github.landmarkj.engine.MachineDescription;
import io.github.landmarkj.engine.ModelLocator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a configuration of {@link LandmarkNet} costs per face, before any training: the forward of the inference
 * form ({@link LandmarkNet#prepareInference}) at batch 1 and batch 16, in the calling thread's CPU time (all the
 * work with one libtorch thread), medians of interleaved rounds, side by side with the bundled face68 model. Random
 * weights cost the same as trained ones (the first two rows of the default arguments check it).
 * <p>Usage: {@code ArchitectureSpeedBench [RUNS [SPEC...]]} with {@code -Dai.djl.pytorch.num_threads=1}; SPEC is
 * {@code bundled} or {@code input:stem:enc1,enc2,..:bottleneck:dec1,..:occlusion:alpha:attention}
 * (the {@link NetConfig} fields). Without SPECs: the bundled model, its architecture with random weights, and
 * smaller configurations down to 4 channels everywhere (the floor set by the number of operations).
 */
public final class ArchitectureSpeedBench {
	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
	private static final String[] DEFAULT_SPECS = {"bundled", "128:16:16,32,64:96:64,32:16:0.25:32", "128:16:16,32,64:96:64,32:16:0:32",
			"96:16:16,32,64:96:64,32:16:0.25:32", "128:8:8,16,32:48:32,16:8:0.25:16", "96:8:8,16,32:48:32,16:8:0.25:16",
			"128:8:8,16,32:48:32,16:8:0:0", "128:4:4,4,4:4:4,4:4:0.25:4", "128:4:4,4,4:4:4,4:4:0:0"};
	private static final int[] BATCHES = {1, 16};
	private static final int WARM_UP_ROUNDS = 30;

	private ArchitectureSpeedBench() {
	}

	static NetConfig parse(String spec) {
		String[] f = spec.split(":");
		if (f.length != 8) {
			throw new IllegalArgumentException("Expected input:stem:encoder:bottleneck:decoder:occlusion:alpha:attention, got " + spec);
		}
		return NetConfig.builder().inputSize(Integer.parseInt(f[0])).stemChannels(Integer.parseInt(f[1])).encoderChannels(ints(f[2]))
				.bottleneckChannels(Integer.parseInt(f[3])).decoderChannels(ints(f[4])).occlusionChannels(Integer.parseInt(f[5]))
				.alpha(Double.parseDouble(f[6])).attentionChannels(Integer.parseInt(f[7])).build();
	}

	private static int[] ints(String list) {
		return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
	}

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
		String[] specs = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : DEFAULT_SPECS;
		List<LandmarkModel> bundled = new ArrayList<>();
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			List<LandmarkNet> nets = new ArrayList<>();
			for (String spec : specs) {
				nets.add(spec.equals("bundled") ? bundledNetwork(bundled) : randomNetwork(parse(spec), manager));
			}
			System.out.println(MachineDescription.describe() + "; libtorch threads " + IntraOpThreads.current() + "; load average "
					+ MachineDescription.loadAverage() + "; " + runs + " interleaved rounds after " + WARM_UP_ROUNDS + " warm-up rounds");
			ParameterStore ps = new ParameterStore(manager, false);
			double[][][] ms = new double[nets.size()][BATCHES.length][runs];
			for (int r = -WARM_UP_ROUNDS; r < runs; r++) {
				for (int n = 0; n < nets.size(); n++) {
					for (int b = 0; b < BATCHES.length; b++) {
						double perFace = forwardMillisPerFace(nets.get(n), ps, manager, BATCHES[b]);
						if (r >= 0) {
							ms[n][b][r] = perFace;
						}
					}
				}
			}
			System.out.printf(Locale.ROOT, "%-40s %9s %14s %8s %14s %8s%n", "architecture (SPEC)", "params", "batch 1 ms", "ratio",
					"batch 16 ms/face", "ratio");
			double base1 = median(ms[0][0]);
			double base16 = median(ms[0][1]);
			for (int n = 0; n < nets.size(); n++) {
				double m1 = median(ms[n][0]);
				double m16 = median(ms[n][1]);
				System.out.printf(Locale.ROOT, "%-40s %9d %14.2f %8.2f %14.2f %8.2f%n", specs[n], parameterCount(nets.get(n)), m1, m1 / base1, m16,
						m16 / base16);
			}
			System.out.println("(thread CPU medians of the network's forward alone: no crop, no decoding; ratios to the first row)");
		} finally {
			for (LandmarkModel model : bundled) {
				model.close();
			}
		}
	}

	private static LandmarkNet bundledNetwork(List<LandmarkModel> keepOpen) throws Exception {
		LandmarkModel model = LandmarkModel.load(ModelLocator.locate("face68"), Device.cpu());
		keepOpen.add(model);
		model.prepareForInference();
		return (LandmarkNet) model.djlModel().getBlock();
	}

	private static LandmarkNet randomNetwork(NetConfig config, NDManager manager) {
		LandmarkNet net = new LandmarkNet(config);
		net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
		net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, config.inputSize, config.inputSize));
		net.prepareInference();
		return net;
	}

	private static double forwardMillisPerFace(LandmarkNet net, ParameterStore ps, NDManager manager, int batch) {
		int side = net.config().inputSize;
		try (NDManager round = manager.newSubManager()) {
			NDArray input = round.randomNormal(new Shape(batch, 3, side, side));
			long start = CPU.getCurrentThreadCpuTime();
			NDList out = net.forward(ps, new NDList(input), false);
			out.head().toFloatArray();
			out.get(1).toFloatArray();
			return (CPU.getCurrentThreadCpuTime() - start) / 1e6 / batch;
		}
	}

	private static long parameterCount(LandmarkNet net) {
		return net.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}
}
