package io.github.landmarkj.updater;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.landmarkj.updater.FijiRuntimePolicy.Decision;
import io.github.landmarkj.updater.FijiRuntimePolicy.Placement;

/**
 * Builds LandmarkJ's Fiji update site: the plugin under {@code plugins/}, the runtime jars Fiji lacks
 * under {@code jars/}, the bundled models under {@value SiteLayout#MODELS_DIR}. Run by the Maven
 * profile {@code update-site}, or by a command-line verb through {@link #run(String[], PrintStream, PrintStream)}.
 */
public final class UpdateSiteMain {
	private static final String PLUGIN_DESCRIPTION = "LandmarkJ: facial landmark detection for Fiji,"
			+ " run through DJL's PyTorch engine.";

	private UpdateSiteMain() {
	}

	public static void main(String[] args) {
		int status = run(args, System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	/** Builds the site as asked; returns the process exit status (0 done, 1 failed, 2 bad arguments). */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		SiteArguments arguments;
		try {
			arguments = SiteArguments.parse(args);
		} catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.println(SiteArguments.USAGE);
			return 2;
		}
		try {
			BuildResult result = build(arguments, out);
			out.println("Update site in " + arguments.output().toAbsolutePath() + ": " + result.stored().size()
					+ " new file(s), " + result.unchanged().size() + " unchanged, " + result.removed().size() + " retired");
			result.stored().forEach(name -> out.println("  + " + name));
			result.removed().forEach(key -> out.println("  - " + key));
			return 0;
		} catch (IOException | IllegalArgumentException e) {
			err.println("Building the update site failed: " + e.getMessage());
			return 1;
		}
	}

	/** Builds the site, logging which jar goes where and why. */
	public static BuildResult build(SiteArguments arguments, PrintStream log) throws IOException {
		Map<String, Path> siteJars = new LinkedHashMap<>();
		for (Path jar : arguments.jars()) {
			Decision decision = FijiRuntimePolicy.decide(jar.getFileName().toString());
			log.println(String.format("%-40s %-16s %s", jar.getFileName(), decision.placement(), decision.reason()));
			if (decision.placement() == Placement.ON_SITE) {
				siteJars.put(FijiRuntimePolicy.artifactName(jar.getFileName().toString()), jar);
			}
		}

		List<SiteEntry> entries = new ArrayList<>();
		List<String> pluginNeeds = new ArrayList<>();
		for (Map.Entry<String, Path> jar : siteJars.entrySet()) {
			List<String> needs = new ArrayList<>();
			for (String artifact : FijiRuntimePolicy.decide(jar.getValue().getFileName().toString()).siteDependencies()) {
				Path needed = siteJars.get(artifact);
				if (needed == null) {
					throw new UpdateSiteException(jar.getValue().getFileName() + " needs " + artifact
							+ " at run time, but no " + artifact + " jar was given");
				}
				needs.add(SiteLayout.jarTarget(needed));
			}
			entries.add(new SiteEntry(SiteLayout.jarTarget(jar.getValue()), jar.getValue(), needs));
			pluginNeeds.add(SiteLayout.jarTarget(jar.getValue()));
		}
		for (Path model : modelFiles(arguments)) {
			String target = SiteLayout.modelTarget(arguments.models().orElseThrow(), model);
			entries.add(new SiteEntry(target, model, List.of()));
			pluginNeeds.add(target);
		}
		// the plugin needs everything else on the site, so the updater installs it all together
		entries.add(0, new SiteEntry(SiteLayout.pluginTarget(arguments.plugin()), arguments.plugin(), pluginNeeds,
				PLUGIN_DESCRIPTION));

		long timestamp = arguments.timestamp().orElseGet(() -> UpdaterTimestamp.of(Instant.now()));
		return new UpdateSiteBuilder(arguments.output(), timestamp).build(entries);
	}

	private static List<Path> modelFiles(SiteArguments arguments) throws IOException {
		if (arguments.models().isEmpty()) {
			return List.of();
		}
		Path root = arguments.models().get();
		if (!Files.isDirectory(root)) {
			throw new UpdateSiteException("The models folder " + root + " does not exist");
		}
		try (Stream<Path> files = Files.walk(root)) {
			// hidden files (.DS_Store, .git) are not part of a model
			return files.filter(Files::isRegularFile)
					.filter(file -> !isHidden(root.relativize(file))).sorted().collect(Collectors.toList());
		}
	}

	private static boolean isHidden(Path relative) {
		for (Path part : relative) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}
}
