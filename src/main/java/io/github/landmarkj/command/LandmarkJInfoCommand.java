package io.github.landmarkj.command;

import ij.IJ;
import io.github.landmarkj.detect.BundledDetectorInfo;
import io.github.landmarkj.engine.RuntimeReport;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Plugins › LandmarkJ › LandmarkJ Info: versions, engine, device, native libraries, bundled models. */
@Plugin(type = Command.class, menuPath = "Plugins>LandmarkJ>LandmarkJ Info")
public final class LandmarkJInfoCommand extends ContextCommand {
	@Parameter(type = ItemIO.OUTPUT)
	private String info;

	@Override
	public void run() {
		info = RuntimeReport.create().with(BundledDetectorInfo.lines()).toText();
		// Fiji shows the String output in a text window; the log keeps it for headless runs and bug reports.
		IJ.log(info);
	}
}
