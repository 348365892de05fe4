package io.github.landmarkj.eval;

import io.github.landmarkj.core.FaceBox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
	 * dlib's HOG face detector's boxes in the images of {@code faces} (their boxes are ignored), by absolute image path.
	 */
	Map<Path, List<FaceBox>> detect(List<DlibRunnerFiles.Request> faces) throws IOException, InterruptedException {
		Path results = workFolder.resolve("dlib-detections.csv");
		execute(faces, results, "--detect");
		return DlibRunnerFiles.readDetections(results);
	}

	/**
	 * The runner's results for {@code faces} ({@code repeats} timed predictor calls per face after one warm-up call).
	 * Faces it could not do (named on its error output, which is passed on to {@code System.err}) are absent.
	 */
	List<DlibRunnerFiles.Result> run(List<DlibRunnerFiles.Request> faces, int repeats) throws IOException, InterruptedException {
		Path results = workFolder.resolve("dlib-landmarks.csv");
		execute(faces, results, model.toString(), Integer.toString(repeats));
		return DlibRunnerFiles.readResults(results);
	}

	/** Runs {@code executable FIRST_ARGUMENT faces.csv RESULTS [MORE...]}; exit status 3 (some faces skipped) is accepted. */
	private void execute(List<DlibRunnerFiles.Request> faces, Path results, String firstArgument, String... more)
			throws IOException, InterruptedException {
		Files.createDirectories(workFolder);
		Path requests = workFolder.resolve("faces.csv"), errors = workFolder.resolve("dlib-errors.txt");
		DlibRunnerFiles.writeRequests(requests, faces);
		Files.deleteIfExists(results);
		List<String> command = new ArrayList<>(List.of(executable.toString(), firstArgument, requests.toString(), results.toString()));
		command.addAll(List.of(more));
		Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile()).start();
		int status = p.waitFor();
		String stderr = Files.exists(errors) ? Files.readString(errors, StandardCharsets.UTF_8).trim() : "";
		if (status != 0 && status != 3) {
			throw new IOException("The dlib runner " + executable + " failed (exit status " + status + "): " + stderr);
		}
		if (!stderr.isEmpty()) {
			System.err.println("dlib runner: " + stderr);
		}
	}
}
