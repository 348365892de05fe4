package io.github.landmarkj.cli;

import picocli.CommandLine.Option;

/** {@code --help}, on the tool and on each verb. */
final class HelpOption {
	@Option(names = "--help", usageHelp = true, description = "show this help and exit")
	private boolean help;
}
