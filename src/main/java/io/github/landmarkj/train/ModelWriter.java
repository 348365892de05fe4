package io.github.landmarkj.train;

import com.google.gson.JsonObject;
import io.github.landmarkj.engine.ModelPackage;
import io.github.landmarkj.engine.WeightsRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a trained network as a model folder: {@code weights.params}, {@code model.json} with the
 * weights' SHA-256 and what the training did, and the training log appended to {@code training-log.txt}.
 * The same layout as the {@code train} verb's, so either can be loaded by name of folder.
 */
public final class ModelWriter {
	public static final String WEIGHTS = WeightsRecord.DEFAULT_FILE;
	public static final String LOG = "training-log.txt";

	private ModelWriter() {
	}

	/** Fails, leaving the folder alone, when it already holds a model and {@code overwrite} is false. */
	public static void checkWritable(Path folder, boolean overwrite) throws IOException {
		Path json = folder.resolve(ModelPackage.FILE_NAME);
		if (!overwrite && Files.exists(json)) {
			throw new FileAlreadyExistsException(json.toString(), null, "the folder already holds a model");
		}
	}

	/**
	 * Writes the weights, then the model.json that records their checksum, then the log; for any kind of network.
	 * @return the model package as written
	 */
	public static <S> ModelPackage<S> write(Path folder, ModelPackage<S> pkg, CheckpointFolder.WeightsWriter model,
			JsonObject trainingInfo, String log, boolean overwrite) throws IOException {
		checkWritable(folder, overwrite);
		Files.createDirectories(folder);
		Path weights = folder.resolve(WEIGHTS);
		model.save(weights);
		ModelPackage<S> written = pkg.withTraining(trainingInfo).withWeights(WeightsRecord.of(weights));
		written.write(folder);
		Files.write(folder.resolve(LOG), log.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		return written;
	}
}
