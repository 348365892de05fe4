package io.github.landmarkj.engine;

import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's intra-op thread count: one setting for the whole process (every network), as
 * {@code -Dai.djl.pytorch.num_threads=N} sets it at start. libtorch's default is one thread per core. On
 * a machine where other programs keep the cores busy, one thread is much steadier for these small
 * networks: its threads wait for each other at every operation, and a thread the system has paused
 * stalls them all (measured with the 2-core machine of the model cards under load: a batch-1 face
 * took a median of 42 ms with one thread, 761 ms with two).
 */
public final class IntraOpThreads {
	private IntraOpThreads() {
	}

	/** The current count (loads libtorch if needed). */
	public static int current() throws NativeLibraries.MissingNativeLibraryException {
		NativeLibraries.requireLoadable();
		return JniUtils.getNumThreads();
	}

	/** Sets the count for the whole process; {@code threads} at least 1. */
	public static void set(int threads) throws NativeLibraries.MissingNativeLibraryException {
		if (threads < 1) {
			throw new IllegalArgumentException("libtorch needs at least 1 thread, got " + threads);
		}
		NativeLibraries.requireLoadable();
		JniUtils.setNumThreads(threads);
	}
}
