package io.github.landmarkj.updater;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The command line of {@link UpdateSiteMain}, parsed and checked. */
public final class SiteArguments {
	public static final String USAGE = "usage: UpdateSiteMain --output DIR --plugin JAR [--models DIR]"
			+ " [--jars JAR...] [--classpath PATH] [--timestamp yyyyMMddHHmmss]\n"
			+ "  --output     the update site folder; an existing site there is updated, not replaced\n"
			+ "  --plugin     the LandmarkJ plugin jar\n"
			+ "  --models     folder of bundled models (one sub-folder per model)\n"
			+ "  --jars       runtime jars; those Fiji ships and the PyTorch natives are left out\n"
			+ "  --classpath  runtime class path (entries separated by '" + File.pathSeparator
			+ "'), e.g. Maven's; folders on it are ignored\n"
			+ "  --timestamp  the date of new versions (default: now, UTC)";

	private final Path output;
	private final Path plugin;
	private final Path models;
	private final List<Path> jars;
	private final Long timestamp;

	private SiteArguments(Path output, Path plugin, Path models, List<Path> jars, Long timestamp) {
		this.output = output;
		this.plugin = plugin;
		this.models = models;
		this.jars = List.copyOf(jars);
		this.timestamp = timestamp;
	}

	/** @throws IllegalArgumentException with a message for the user when the arguments are wrong */
	public static SiteArguments parse(String... args) {
		Path output = null;
		Path plugin = null;
		Path models = null;
		Long timestamp = null;
		Set<Path> jars = new LinkedHashSet<>();
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			switch (option) {
			case "--output":
				output = Path.of(value(args, ++i, option));
				break;
			case "--plugin":
				plugin = Path.of(value(args, ++i, option));
				break;
			case "--models":
				models = Path.of(value(args, ++i, option));
				break;
			case "--timestamp":
				timestamp = UpdaterTimestamp.parse(value(args, ++i, option));
				break;
			case "--classpath":
				for (String entry : value(args, ++i, option).split(File.pathSeparator)) {
					if (entry.endsWith(".jar")) {
						jars.add(Path.of(entry));
					}
				}
				break;
			case "--jars":
				value(args, i + 1, option);
				while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
					jars.add(Path.of(args[++i]));
				}
				break;
			default:
				throw new IllegalArgumentException("Unknown argument: " + option);
			}
		}
		if (output == null) {
			throw new IllegalArgumentException("Missing --output: where to build the update site");
		}
		if (plugin == null) {
			throw new IllegalArgumentException("Missing --plugin: the LandmarkJ plugin jar");
		}
		List<Path> runtime = new ArrayList<>(jars);
		// Maven's class path may hold the plugin itself; it goes to plugins/, not jars/
		Path pluginJar = plugin.toAbsolutePath().normalize();
		runtime.removeIf(jar -> jar.toAbsolutePath().normalize().equals(pluginJar));
		return new SiteArguments(output, plugin, models, runtime, timestamp);
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length || args[index].startsWith("--")) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	public Path output() {
		return output;
	}

	public Path plugin() {
		return plugin;
	}

	public Optional<Path> models() {
		return Optional.ofNullable(models);
	}

	public List<Path> jars() {
		return jars;
	}

	public Optional<Long> timestamp() {
		return Optional.ofNullable(timestamp);
	}
}
