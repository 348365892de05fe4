package io.github.landmarkj.cli;

import io.github.landmarkj.io.UserMessages;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;

/**
 * The one place where what went wrong becomes a message on the error stream and an exit code:
 * {@value #OK} done, {@value #FAILURE} failed, {@value #USAGE} a mistake in the command line,
 * {@value #PARTIAL_FAILURE} a batch finished but some of its images failed (listed in errors.csv). Verbs
 * report a usage mistake they find themselves by throwing {@link ParameterException} (see {@link #usage}).
 * Messages say what is wrong and what to do ({@link UserMessages}); with {@code --verbose} the cause and
 * stack trace follow.
 */
final class ExitCodes implements IParameterExceptionHandler, IExecutionExceptionHandler {
	static final int OK = 0;
	static final int FAILURE = 1;
	static final int USAGE = 2;
	static final int PARTIAL_FAILURE = 3;

	private final PrintStream err;

	ExitCodes(PrintStream err) {
		this.err = err;
	}

	/** A mistake in the command line of {@code command}, found after parsing; the message says what to change. */
	static ParameterException usage(CommandLine command, String message) {
		return new ParameterException(command, message);
	}

	@Override
	public int handleParseException(ParameterException e, String[] args) {
		CommandLine command = e.getCommandLine();
		if (e instanceof UnmatchedArgumentException && command.getParent() == null && args.length > 0 && !args[0].startsWith("-")) {
			err.println("Error: Unknown verb '" + args[0] + "'; verbs: " + String.join(", ", command.getSubcommands().keySet()));
			return USAGE;
		}
		err.println("Error: " + e.getMessage());
		if (e instanceof UnmatchedArgumentException) {
			UnmatchedArgumentException.printSuggestions(e, err);
		}
		return USAGE;
	}

	@Override
	public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
		return failure(e, verbose(parsed));
	}

	/** Prints what went wrong (and, verbose, the stack trace); the exit code of a failure. */
	int failure(Throwable e, boolean verbose) {
		err.println("Error: " + UserMessages.describe(e));
		if (verbose) {
			e.printStackTrace(err);
		} else if (e.getCause() != null) {
			err.println("(run again with --verbose to see the cause)");
		}
		return FAILURE;
	}

	/** Whether --verbose was given to the tool or to the verb. */
	static boolean verbose(ParseResult parsed) {
		for (ParseResult r = parsed; r != null; r = r.subcommand()) {
			if (r.hasMatchedOption("--verbose")) {
				return true;
			}
		}
		return false;
	}
}
