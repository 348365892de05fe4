package io.github.landmarkj.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One line saying what machine a measurement was made on. */
public final class MachineDescription {
	private MachineDescription() {
	}

	public static String describe() {
		String cpu = "unknown CPU";
		try {
			Path info = Path.of("/proc/cpuinfo");
			if (Files.isReadable(info)) {
				List<String> lines = Files.readAllLines(info);
				for (String line : lines) {
					if (line.startsWith("model name")) {
						cpu = line.substring(line.indexOf(':') + 1).trim();
						break;
					}
				}
			}
		} catch (IOException e) {
			cpu = "CPU not readable (" + e.getMessage() + ")";
		}
		long maxHeap = Runtime.getRuntime().maxMemory() >> 20;
		return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores visible, " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + ", max heap " + maxHeap + " MiB";
	}

	/** The system's load average over the last minute ("n/a" where the system does not tell). */
	public static String loadAverage() {
		double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return load < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f", load);
	}
}
