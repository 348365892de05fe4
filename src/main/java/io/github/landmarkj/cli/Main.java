package io.github.landmarkj.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;

/**
 * {@code java -jar landmarkj-cli.jar <verb> ...}: the command-line tool. Each verb is a picocli
 * {@code @Command} class listed below; {@link ExitCodes} is where failures become messages and exit codes.
 */
@Command(name = "landmarkj", synopsisSubcommandLabel = "<verb>", sortOptions = false,
		description = "Facial landmarks from the command line. Every verb prints the device it uses; <verb> --help for its options.",
		subcommands = {DetectVerb.class, EvaluateVerb.class, TrainVerb.class, TrainTemporalVerb.class, TrackVerb.class, BenchVerb.class, InfoVerb.class,
				HelpCommand.class})
public final class Main implements Callable<Integer> {
	/** The bundled landmark model, the default of every --model option. */
	static final String DEFAULT_MODEL = "face68";

	@Spec
	private CommandSpec spec;

	@Mixin
	private HelpOption help;

	public static void main(String[] args) {
		// Runs offline unless the user says otherwise: nothing is downloaded behind their back.
		if (System.getProperty("ai.djl.offline") == null) {
			System.setProperty("ai.djl.offline", "true");
		}
		System.exit(run(args, System.out, System.err));
	}

	/** Runs one command line, printing to {@code out} and {@code err}; returns the process exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		try {
			return commandLine(out, err).execute(args);
		} catch (OutOfMemoryError e) {
			// An Error passes picocli's handlers; say what to do rather than print a stack trace only.
			return new ExitCodes(err).failure(e, java.util.Arrays.asList(args).contains("--verbose"));
		}
	}

	/** The tool with every verb, printing to the given streams. */
	static CommandLine commandLine(PrintStream out, PrintStream err) {
		ExitCodes exitCodes = new ExitCodes(err);
		return new CommandLine(new Main())
				.setOut(writer(out))
				.setErr(writer(err))
				.setOverwrittenOptionsAllowed(true) // as before: the last of a repeated single-value option wins
				.setParameterExceptionHandler(exitCodes)
				.setExecutionExceptionHandler(exitCodes);
	}

	/** No verb: the list of verbs, as a usage error. */
	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getOut());
		return ExitCodes.USAGE;
	}

	/** A writer that prints through the stream, unbuffered, so that the stream's own encoding applies. */
	private static PrintWriter writer(PrintStream stream) {
		return new PrintWriter(new Writer() {
			@Override
			public void write(char[] chars, int offset, int length) {
				stream.print(new String(chars, offset, length));
			}

			@Override
			public void flush() {
				stream.flush();
			}

			@Override
			public void close() {
				stream.flush();
			}
		}, true);
	}
}
