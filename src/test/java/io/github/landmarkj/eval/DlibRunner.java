package io.github.landmarkj.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the dlib runner ({@code scripts/dlib-compare/dlib_landmarks}, built by {@code scripts/dlib-compare/build.sh})
 * as a separate process on a list of faces, through the files of {@link DlibRunnerFiles}.
 */
final class DlibRunner {
	/** Where Debian's libdlib-data puts dlib's 68-point model. */
	static final String DEBIAN_MODEL = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat";
	static final String HOW_TO_BUILD = "Build it with: apt-get install libdlib-dev libdlib-data && scripts/dlib-compare/build.sh "
			+ "(see scripts/dlib-compare/README.md)";

	private final Path executable;
	private final Path model;
	private final Path workFolder;

	/**
	 * @throws IllegalArgumentException when the runner or the model is missing, saying how to get them
	 */
	DlibRunner(Path executable, Path model, Path workFolder) {
		if (!Files.isExecutable(executable)) {
			throw new IllegalArgumentException("The dlib runner " + executable + " is missing or not executable. " + HOW_TO_BUILD);
		}
		if (!Files.isReadable(model)) {
			throw new IllegalArgumentException("dlib's 68-point model " + model + " is missing. Debian: apt-get install libdlib-data "
					+ "(it lands in " + DEBIAN_MODEL + ")");
		}
		this.executable = executable;
		this.model = model;
		this.workFolder = workFolder;
	}

	/**
	 * The runner's results for {@code faces} ({@code repeats} timed predictor calls per face after one warm-up call).
	 * Faces it could not do (named on its error output, which is passed on to {@code System.err}) are absent.
	 */
	List<DlibRunnerFiles.Result> run(List<DlibRunnerFiles.Request> faces, int repeats) throws IOException, InterruptedException {
		Files.createDirectories(workFolder);
		Path requests = workFolder.resolve("faces.csv"), results = workFolder.resolve("dlib-landmarks.csv"),
				errors = workFolder.resolve("dlib-errors.txt");
		DlibRunnerFiles.writeRequests(requests, faces);
		Files.deleteIfExists(results);
		Process p = new ProcessBuilder(executable.toString(), model.toString(), requests.toString(), results.toString(),
				Integer.toString(repeats)).redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(errors.toFile()).start();
		int status = p.waitFor();
		String stderr = Files.exists(errors) ? Files.readString(errors, StandardCharsets.UTF_8).trim() : "";
		if (status != 0 && status != 3) {
			throw new IOException("The dlib runner " + executable + " failed (exit status " + status + "): " + stderr);
		}
		if (!stderr.isEmpty()) {
			System.err.println("dlib runner: " + stderr);
		}
		return DlibRunnerFiles.readResults(results);
	}
}
