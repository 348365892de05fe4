package io.github.landmarkj.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Picks where the network runs: the first GPU that DJL's PyTorch engine sees, unless the user forces
 * the CPU. Kept apart from the engine call so that the choice is testable without a GPU.
 */
public final class Devices {
	/** What the user asked for. */
	public enum Preference {
		AUTO, CPU, GPU;

		public static Preference parse(String text) {
			try {
				return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("Unknown device '" + text + "': use auto, cpu or gpu");
			}
		}
	}

	private Devices() {
	}

	/** The choice for a given preference and number of visible GPUs. */
	public static Device choose(Preference preference, int gpuCount) {
		switch (preference) {
			case CPU:
				return Device.cpu();
			case GPU:
				if (gpuCount == 0) {
					throw new IllegalStateException("A GPU was requested but DJL's PyTorch engine sees none "
							+ "(CPU-only native library, no CUDA driver, or no GPU): use device=auto or cpu");
				}
				return Device.gpu(0);
			default:
				return gpuCount > 0 ? Device.gpu(0) : Device.cpu();
		}
	}

	/**
	 * The device for this machine, asking the PyTorch engine how many GPUs it sees. The native library is
	 * looked for first, so that a missing one gives a message saying what to install and nothing is
	 * downloaded unannounced.
	 */
	public static Device choose(Preference preference) throws NativeLibraries.MissingNativeLibraryException {
		if (preference == Preference.CPU) {
			NativeLibraries.requireLoadable();
			return Device.cpu();
		}
		NativeLibraries.requireLoadable();
		return choose(preference, Engine.getEngine("PyTorch").getGpuCount());
	}

	/** A line for logs: "cpu (PyTorch 2.7.1, no GPU visible)" or "gpu(0) (PyTorch 2.7.1, 1 GPU visible)". */
	public static String describe(Device device) {
		Engine engine = Engine.getEngine("PyTorch");
		int gpus = engine.getGpuCount();
		return device + " (" + engine.getEngineName() + " " + engine.getVersion() + ", "
				+ (gpus == 0 ? "no GPU visible" : gpus + " GPU" + (gpus > 1 ? "s" : "") + " visible") + ")";
	}
}
