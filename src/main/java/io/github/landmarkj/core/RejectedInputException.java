package io.github.landmarkj.core;

/**
 * An input that would give landmarks that look fine but are not: a face box that does not fit the image,
 * or a face whose network input would read pixels that are not numbers. The message names what is wrong
 * and what to do; callers report it for that image and go on with the next.
 */
public final class RejectedInputException extends IllegalArgumentException {
	private static final long serialVersionUID = 1L;

	public RejectedInputException(String message) {
		super(message);
	}
}
