package io.github.landmarkj.cli;

import io.github.landmarkj.detect.BundledDetectorInfo;
import io.github.landmarkj.engine.RuntimeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code info}: versions, engine, device, native libraries, bundled models. */
@Command(name = "info", header = "Versions, engine, device, native libraries, bundled models.",
		description = "Prints versions, the engine and device in use, where the native libraries are, and the bundled models.")
final class InfoVerb implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Mixin
	private HelpOption help;

	@Override
	public Integer call() {
		spec.commandLine().getOut().print(RuntimeReport.create().with(BundledDetectorInfo.lines()).toText());
		return ExitCodes.OK;
	}
}
