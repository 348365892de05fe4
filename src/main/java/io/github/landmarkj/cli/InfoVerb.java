package io.github.landmarkj.cli;

import io.github.landmarkj.detect.BundledDetectorInfo;
import io.github.landmarkj.engine.RuntimeReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code info}: versions, engine, device, native libraries, bundled models. */
@Command(name = "info", header = "Versions, engine, device, native libraries, bundled models.",
		description = "Prints versions, the engine and device in use, where the native libraries are, and the bundled models.")
final class InfoVerb extends Verb {
	@Override
	int run(CommandLine command, PrintWriter out) {
		out.print(RuntimeReport.create().with(BundledDetectorInfo.lines()).toText());
		return ExitCodes.OK;
	}
}
