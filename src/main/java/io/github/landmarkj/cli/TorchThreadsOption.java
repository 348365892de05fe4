package io.github.landmarkj.cli;

import io.github.landmarkj.engine.IntraOpThreads;
import io.github.landmarkj.engine.NativeLibraries;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * {@code --torch-threads}: libtorch's threads for the operations of the inference verbs. One unless asked: these
 * small networks run a face at a time, and their operations are too short for a second thread to pay. On the 185 AFW
 * photos ({@code detect}, idle 2-core machine, interleaved, two rounds) one thread took 22.0-22.8 s and 22-23 CPU-s,
 * libtorch's default of one per core 21.6-22.0 s and 33 CPU-s; under load one thread is far steadier (see
 * {@link io.github.landmarkj.engine.IntraOpThreads}). More images at once come from more workers
 * ({@code detect --threads 2}: 15.6-15.7 s), each with its own networks.
 */
final class TorchThreadsOption {
	/** DJL's setting of the same count at start; when given, it is kept rather than replaced by the default. */
	static final String PROPERTY = "ai.djl.pytorch.num_threads";
	static final int DEFAULT = 1;

	@Option(names = "--torch-threads", paramLabel = "N", description = "libtorch threads for the networks' operations, default " + DEFAULT
			+ " (or -D" + PROPERTY + "=N): as fast as libtorch's one per core for these small networks, at two thirds of the CPU "
			+ "time, and steadier when other programs use the cores; for more images at once use more workers")
	private Integer threads;

	/** Sets libtorch's thread count for this run (this option, else the JVM's {@value #PROPERTY}, else 1) and says it. */
	void apply(CommandLine command, PrintWriter out) throws NativeLibraries.MissingNativeLibraryException {
		if (threads != null && threads < 1) {
			throw ExitCodes.usage(command, "--torch-threads needs at least 1 thread, got " + threads);
		}
		if (threads != null || System.getProperty(PROPERTY) == null) {
			IntraOpThreads.set(threads != null ? threads : DEFAULT);
		}
		out.println("libtorch threads: " + IntraOpThreads.current());
	}
}
