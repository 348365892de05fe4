package io.github.landmarkj.engine;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import io.github.landmarkj.io.OutputFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A network's weights file in DJL's parameter format ({@code Block.saveParameters}), the format of every
 * model package's weights: read into a model's block, or written atomically (temporary file, then move)
 * so that an interrupted save never leaves a half-written file.
 */
public final class BlockWeights {
	private BlockWeights() {
	}

	/**
	 * @param origin where the weights come from, for the message
	 * @param architecture what they must fit, for the message (e.g. "the face detector's architecture")
	 */
	public static void read(Model model, InputStream stream, String origin, String architecture) throws IOException {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
			model.getBlock().loadParameters(model.getNDManager(), in);
		} catch (MalformedModelException | IllegalArgumentException e) {
			throw new IOException("Weights " + origin + " do not fit " + architecture + ": " + e.getMessage(), e);
		}
	}

	/** Writes the weights atomically, replacing an earlier file ({@link OutputFiles}). */
	public static void write(Model model, Path file) throws IOException {
		OutputFiles.write(file, true, out -> {
			DataOutputStream data = new DataOutputStream(out);
			model.getBlock().saveParameters(data);
			data.flush();
		});
	}
}
