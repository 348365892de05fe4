package io.github.landmarkj.cli;

import java.io.PrintStream;

/** One sub-command of the command-line tool. */
interface Verb {
	/** Runs with the arguments after the verb's name; returns the process exit code. */
	int run(String[] args, PrintStream out) throws Exception;
}
