package io.github.landmarkj.video;

import io.github.landmarkj.core.RgbImage;

import java.io.IOException;

/** The frames of a video, read one at a time in order. Not thread-safe. */
public interface FrameSource extends AutoCloseable {
	/** For messages and outputs: the file or folder or image title. */
	String name();

	int frameCount();

	/** Frames per second as the source records it; NaN when it does not say. */
	double framesPerSecond();

	/** Frame {@code index} (0-based). */
	RgbImage frame(int index) throws IOException;

	@Override
	default void close() throws IOException {
	}
}
