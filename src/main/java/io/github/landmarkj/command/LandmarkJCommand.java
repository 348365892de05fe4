package io.github.landmarkj.command;

import io.github.landmarkj.ij.UserErrors;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

import java.io.IOException;

/**
 * What the LandmarkJ commands do around their work: a failure reaches the user one way (a dialog, or
 * the log when headless, with the cause in the log: {@link UserErrors}) and the status bar is cleared
 * whatever happens.
 */
abstract class LandmarkJCommand extends ContextCommand {
	@Parameter
	StatusService status;
	@Parameter
	LogService log;

	private final String title;

	/** @param title the command's menu name, which starts its messages */
	LandmarkJCommand(String title) {
		this.title = title;
	}

	@Override
	public final void run() {
		try {
			execute();
		} catch (IOException | RuntimeException e) {
			UserErrors.report(this, log, title, e);
		} finally {
			status.clearStatus();
		}
	}

	/** The command's work; what it throws is reported as above. */
	abstract void execute() throws IOException;
}
