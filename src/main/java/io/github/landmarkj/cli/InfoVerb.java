package io.github.landmarkj.cli;

import io.github.landmarkj.detect.BundledDetectorInfo;
import io.github.landmarkj.engine.RuntimeReport;

import java.io.PrintStream;

/** {@code info}: versions, engine, device, native libraries, bundled models. */
final class InfoVerb implements Verb {
	@Override
	public int run(String[] args, PrintStream out) {
		if (args.length > 0 && args[0].equals("--help")) {
			out.println("landmarkj info\n  Prints versions, the engine and device in use, where the native libraries are, and the bundled models.");
			return 0;
		}
		out.print(RuntimeReport.create().with(BundledDetectorInfo.lines()).toText());
		return 0;
	}
}
