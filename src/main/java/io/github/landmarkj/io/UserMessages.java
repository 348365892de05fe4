package io.github.landmarkj.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * One sentence a user can act on for any failure. Java's file-system exceptions carry only the file name
 * as their message ("Error: outfile"), some exceptions none at all ("Error: null") or a bare number
 * ("Error: -5"); these are turned into what is wrong and what to do. The cause and stack trace are not
 * part of the sentence: callers log them (CLI {@code --verbose}, Fiji's log).
 */
public final class UserMessages {
	private UserMessages() {
	}

	public static String describe(Throwable e) {
		if (e instanceof OutOfMemoryError) {
			return String.format(Locale.ROOT, "Java ran out of memory (at most %d MB may be used). Give Java more memory (Fiji: Edit > Options > "
					+ "Memory & Threads; command line: java -Xmx8g ...), use fewer threads, or process smaller images",
					Runtime.getRuntime().maxMemory() >> 20);
		}
		if (e instanceof FileAlreadyExistsException) {
			String reason = ((FileSystemException) e).getReason();
			return ((FileSystemException) e).getFile() + (reason != null ? ": " + reason
					: " exists and is a file where a folder is needed, or a file that may not be replaced: remove or rename it, "
							+ "choose another output, or allow overwriting");
		}
		if (e instanceof AccessDeniedException) {
			return "No permission to use " + ((FileSystemException) e).getFile()
					+ ": choose a folder you can write to, or change its permissions";
		}
		if (e instanceof NoSuchFileException) {
			return ((FileSystemException) e).getFile() + " does not exist (or a folder on its path is missing): check the path";
		}
		if (e instanceof NotDirectoryException) {
			return ((FileSystemException) e).getFile() + " is a file where a folder is needed: give a folder";
		}
		if (e instanceof DirectoryNotEmptyException) {
			return ((FileSystemException) e).getFile() + " is a folder that is not empty where a file is needed";
		}
		if (e instanceof FileSystemException) {
			FileSystemException f = (FileSystemException) e;
			String reason = f.getReason() == null ? "" : f.getReason();
			if (reason.toLowerCase(Locale.ROOT).contains("no space")) {
				return "The disk holding " + f.getFile() + " is full: free space or choose another output folder";
			}
			return "Cannot use " + f.getFile() + (reason.isEmpty() ? "" : ": " + reason);
		}
		String message = e.getMessage();
		if (message != null && message.toLowerCase(Locale.ROOT).contains("no space left")) {
			return "The disk is full (" + message.trim() + "): free space or choose another output folder";
		}
		if (message == null || message.trim().isEmpty() || message.trim().matches("-?\\d+")) {
			String what = "An unexpected " + e.getClass().getSimpleName() + (message == null ? "" : " (" + message.trim() + ")");
			Throwable cause = e.getCause();
			return what + (cause != null && cause != e ? " caused by: " + describe(cause) : "")
					+ ". This is a bug in LandmarkJ: please report it with the log (CLI: run again with --verbose)";
		}
		return message;
	}
}
