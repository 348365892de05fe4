package io.github.landmarkj.ij;

import ij.IJ;
import io.github.landmarkj.engine.NativeLibraries;
import io.github.landmarkj.io.UserMessages;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;

import java.awt.GraphicsEnvironment;
import java.nio.file.FileAlreadyExistsException;

/**
 * Reports a failure a user can act on: in the log (the console in headless runs), as the command's
 * cancel reason (so callers and tests see it), and in a dialog when there is a screen.
 */
public final class UserErrors {
	private UserErrors() {
	}

	public static void report(ContextCommand command, LogService log, String title, Exception e) {
		String message = message(e);
		// The cause and stack trace go to the log beside the message, for a bug report.
		log.error(title + ": " + message, e);
		command.cancel(message);
		if (GraphicsEnvironment.isHeadless()) {
			return;
		}
		if (e instanceof NativeLibraries.MissingNativeLibraryException && ((NativeLibraries.MissingNativeLibraryException) e).downloadPossible()) {
			// The one place where LandmarkJ lets DJL download: after the user has read what, how big and where.
			if (IJ.showMessageWithCancel(title, message + "\n\nAllow the download now? Then run the command again.")) {
				System.setProperty(NativeLibraries.ALLOW_DOWNLOAD, "true");
			}
			return;
		}
		IJ.error(title, message);
	}

	/** The exception's message, with what to do where Java's own message does not say it. */
	public static String message(Exception e) {
		if (e instanceof FileAlreadyExistsException && ((FileAlreadyExistsException) e).getReason() != null) {
			return UserMessages.describe(e) + " (use overwrite=true or another output folder)";
		}
		return UserMessages.describe(e);
	}
}
