package io.github.landmarkj.cli;

import picocli.CommandLine.Option;

/** {@code --model}: the landmark model, bundled or a folder. */
final class ModelOption {
	@Option(names = "--model", paramLabel = "NAME|DIR", defaultValue = Main.DEFAULT_MODEL,
			description = "bundled model name or model folder, default ${DEFAULT-VALUE}")
	String model;
}
