package io.github.landmarkj.ij;

import ij.IJ;

import java.util.function.BooleanSupplier;

/**
 * When a long command should stop: its thread was interrupted (SciJava's cancel, a Future cancelled)
 * or the user pressed Esc in ImageJ. Bound to the command's thread because workers ask from their own.
 */
public final class Cancellation {
	private Cancellation() {
	}

	/** Forgets an earlier Esc, then watches the calling thread and the Esc key. */
	public static BooleanSupplier ofCurrentThread() {
		IJ.resetEscape();
		Thread owner = Thread.currentThread();
		return () -> owner.isInterrupted() || IJ.escapePressed();
	}
}
