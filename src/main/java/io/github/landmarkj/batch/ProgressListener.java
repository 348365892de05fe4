package io.github.landmarkj.batch;

/** Told after every file of a batch. */
public interface ProgressListener {
	void progress(int done, int total, int failed, double secondsRemaining, String currentFile);

	/** Told, before its progress, when the face detector found no face in an image (its outputs hold no face). */
	default void noFace(String image) {
	}

	/** Told about a problem that is not one image's, e.g. box-file rows that match no image; the batch goes on. */
	default void warning(String message) {
	}

	static ProgressListener silent() {
		return (done, total, failed, remaining, file) -> { };
	}
}
