package io.github.landmarkj.cli;

/** A mistake in the command line; the message says what to change. */
final class UsageException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}
}
