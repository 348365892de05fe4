package io.github.landmarkj.cli;

import picocli.CommandLine.Option;

/** {@code --help} and {@code --verbose}, on the tool and on each verb. */
final class HelpOption {
	@Option(names = "--help", usageHelp = true, description = "show this help and exit")
	private boolean help;

	/** Read by {@link ExitCodes} from the parse result: on failure, the cause and stack trace follow the message. */
	@Option(names = "--verbose", description = "on failure, also print the cause and stack trace (for a bug report)")
	private boolean verbose;
}
