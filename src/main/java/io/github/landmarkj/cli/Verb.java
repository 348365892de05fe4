package io.github.landmarkj.cli;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every verb has: {@code --help} and {@code --verbose}, and its command line for output and usage errors. */
abstract class Verb implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Mixin
	private HelpOption help;

	@Override
	public final Integer call() throws Exception {
		CommandLine command = spec.commandLine();
		return run(command, command.getOut());
	}

	/**
	 * Does the verb's work, printing to {@code out}; bad arguments throw {@link ExitCodes#usage}.
	 *
	 * @return the exit code ({@link ExitCodes})
	 */
	abstract int run(CommandLine command, PrintWriter out) throws Exception;
}
