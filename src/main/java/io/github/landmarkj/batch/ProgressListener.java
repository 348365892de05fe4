package io.github.landmarkj.batch;

/** Told after every file of a batch. */
public interface ProgressListener {
	void progress(int done, int total, int failed, double secondsRemaining, String currentFile);

	static ProgressListener silent() {
		return (done, total, failed, remaining, file) -> { };
	}
}
