package io.github.landmarkj.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a training keeps its last epoch so that it can be resumed: {@code checkpoint.params} (the
 * network's weights) and {@code checkpoint.json} (how many epochs they hold, with the validation
 * figures of that epoch). Shared by every trainer.
 */
public final class CheckpointFolder {
	/** Writes a network's weights to a file. */
	public interface WeightsWriter {
		void save(Path file) throws IOException;
	}

	private static final String WEIGHTS = "checkpoint.params";
	private static final String STATE = "checkpoint.json";
	private final Path folder;

	/** @param folder null for a training that keeps no checkpoint */
	public CheckpointFolder(Path folder) {
		this.folder = folder;
	}

	public Path weights() {
		return folder == null ? null : folder.resolve(WEIGHTS);
	}

	/** Whether there is a checkpoint to resume from. */
	public boolean exists() {
		return folder != null && Files.isRegularFile(folder.resolve(STATE)) && Files.isRegularFile(folder.resolve(WEIGHTS));
	}

	/** Epochs the checkpoint's weights have been trained for. */
	public int epochsDone() throws IOException {
		String text = new String(Files.readAllBytes(folder.resolve(STATE)), StandardCharsets.UTF_8);
		return JsonParser.parseString(text).getAsJsonObject().get("epoch").getAsInt();
	}

	/** The log line of a resumed run. */
	public String resumeMessage(int epochsDone) {
		return "Resuming after epoch " + epochsDone + " from " + weights()
				+ " (Adam's moment estimates restart; the learning-rate schedule continues)";
	}

	/**
	 * A listener that saves after every epoch: a complete epoch counts, a cancelled one does not (its
	 * weights hold a few more batches); the validation figures measured that epoch go beside the count.
	 */
	public TrainingListener saver(WeightsWriter writer) {
		return (report, complete) -> {
			JsonObject figures = new JsonObject();
			if (!Double.isNaN(report.validationNme())) {
				figures.addProperty("validation_nme_io", report.validationNme());
			}
			if (!Double.isNaN(report.validationJitter())) {
				figures.addProperty("validation_jitter_io", report.validationJitter());
			}
			save(writer, complete ? report.epoch() : report.epoch() - 1, figures);
		};
	}

	/**
	 * Saves the weights, then the state that describes them (so that a state file never promises weights
	 * that are not there); nothing without a folder.
	 * @param figures validation figures of the epoch, written beside the epoch count
	 */
	public void save(WeightsWriter writer, int epochsDone, JsonObject figures) throws IOException {
		if (folder == null) {
			return;
		}
		writer.save(weights());
		JsonObject state = new JsonObject();
		state.addProperty("epoch", epochsDone);
		figures.entrySet().forEach(e -> state.add(e.getKey(), e.getValue()));
		Files.write(folder.resolve(STATE), state.toString().getBytes(StandardCharsets.UTF_8));
	}
}
