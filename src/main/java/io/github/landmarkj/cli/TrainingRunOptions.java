package io.github.landmarkj.cli;

import io.github.landmarkj.io.OutputFolders;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What every training verb asks: the annotated folders, the model folder to write, and the run's schedule. */
final class TrainingRunOptions {
	@Option(names = "--data", paramLabel = "DIR",
			description = "annotated folder (images + same-stem .pts or .csv), searched recursively; repeat for several")
	private List<Path> data;

	@Option(names = "--output", paramLabel = "DIR", required = true,
			description = "model folder to write (model.json, weights.params, training-log.txt)")
	private Path output;

	@Option(names = "--overwrite", description = "replace an existing model folder")
	boolean overwrite;

	@Option(names = "--batch", paramLabel = "N", defaultValue = "16", description = "default ${DEFAULT-VALUE}")
	int batch;

	@Option(names = "--lr", paramLabel = "X", defaultValue = "0.002",
			description = "peak learning rate of Adam (warm-up, cosine decay), default ${DEFAULT-VALUE}")
	double learningRate;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "default ${DEFAULT-VALUE}")
	int seed;

	@Option(names = "--validation-every", paramLabel = "N", defaultValue = "8",
			description = "every N-th photo of each folder is held out for validation, default ${DEFAULT-VALUE}")
	int validationEvery;

	@Option(names = "--checkpoints", paramLabel = "DIR", description = "checkpoint folder, default OUTPUT/../<name>-checkpoints")
	private Path checkpoints;

	@Option(names = "--resume", description = "continue from the checkpoint in --checkpoints")
	boolean resume;

	/** Every --data folder, each an existing folder; at least one. */
	List<Path> folders(CommandLine command) {
		List<Path> folders = new ArrayList<>();
		for (Path p : data == null ? List.<Path>of() : data) {
			if (!Files.isDirectory(p)) {
				throw ExitCodes.usage(command, "--data " + p + " is not a folder");
			}
			folders.add(p);
		}
		if (folders.isEmpty()) {
			throw ExitCodes.usage(command, "Give at least one --data folder");
		}
		return folders;
	}

	/**
	 * The model folder to write, refused when it already holds {@code marker} unless --overwrite is given
	 * (a finished model is never replaced by accident).
	 */
	Path output(CommandLine command, String marker) throws IOException {
		if (Files.exists(output.resolve(marker)) && !overwrite) {
			throw ExitCodes.usage(command, output + " already holds a model: pass --overwrite to replace it");
		}
		// Before hours of training: the model and its checkpoints must be writable.
		OutputFolders.requireWritable(output);
		OutputFolders.requireWritable(checkpoints());
		return output;
	}

	/** --checkpoints, by default the folder {@code <name>-checkpoints} beside the model folder. */
	Path checkpoints() {
		return checkpoints != null ? checkpoints : output.toAbsolutePath().resolveSibling(output.getFileName() + "-checkpoints");
	}
}
