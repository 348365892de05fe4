package io.github.landmarkj.updater;

import java.io.IOException;

/** An update site that cannot be read or built as asked: a malformed index, or inputs that contradict it. */
public final class UpdateSiteException extends IOException {
	private static final long serialVersionUID = 1L;

	public UpdateSiteException(String message) {
		super(message);
	}

	public UpdateSiteException(String message, Throwable cause) {
		super(message, cause);
	}
}
