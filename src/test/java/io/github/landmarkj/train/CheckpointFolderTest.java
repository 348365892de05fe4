package io.github.landmarkj.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class CheckpointFolderTest {
	@Test
	void savedWeightsAndEpochsAreFoundAgain(@TempDir Path dir) throws Exception {
		Path folder = Files.createDirectories(dir.resolve("ck"));
		CheckpointFolder checkpoint = new CheckpointFolder(folder);
		assertFalse(checkpoint.exists(), "nothing saved yet");
		JsonObject figures = new JsonObject();
		figures.addProperty("validation_nme_io", 0.05);
		checkpoint.save(file -> Files.writeString(file, "weights"), 7, figures);
		assertTrue(checkpoint.exists());
		assertEquals(7, checkpoint.epochsDone());
		assertEquals("weights", Files.readString(checkpoint.weights()));
		JsonObject state = JsonParser.parseString(Files.readString(folder.resolve("checkpoint.json"))).getAsJsonObject();
		assertEquals(0.05, state.get("validation_nme_io").getAsDouble(), 0);
		assertTrue(checkpoint.resumeMessage(7).startsWith("Resuming after epoch 7 from "), checkpoint.resumeMessage(7));
	}

	@Test
	void aStateWithoutWeightsIsNoCheckpoint(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("checkpoint.json"), "{\"epoch\":3}");
		assertFalse(new CheckpointFolder(dir).exists());
	}

	@Test
	void withoutAFolderNothingIsWritten(@TempDir Path dir) throws Exception {
		CheckpointFolder none = new CheckpointFolder(null);
		none.save(file -> Files.writeString(dir.resolve("called"), "x"), 1, new JsonObject());
		assertFalse(Files.exists(dir.resolve("called")));
		assertFalse(none.exists());
		assertNull(none.weights());
	}

	/** The trainers' checkpoint listener: a cancelled epoch does not count; figures not measured are left out. */
	@Test
	void theSaverCountsCompleteEpochsAndWritesTheFiguresMeasured(@TempDir Path dir) throws Exception {
		CheckpointFolder checkpoint = new CheckpointFolder(dir);
		TrainingListener saver = checkpoint.saver(file -> Files.writeString(file, "weights"));
		saver.epochEnded(new EpochReport(10, 12, 0.8, 0.057, 0.034, 1e-4, 1), true);
		JsonObject state = JsonParser.parseString(Files.readString(dir.resolve("checkpoint.json"))).getAsJsonObject();
		assertEquals(10, state.get("epoch").getAsInt());
		assertEquals(0.057, state.get("validation_nme_io").getAsDouble(), 0);
		assertEquals(0.034, state.get("validation_jitter_io").getAsDouble(), 0);
		saver.epochEnded(new EpochReport(11, 12, 0.8, Double.NaN, Double.NaN, 1e-4, 1), false);
		state = JsonParser.parseString(Files.readString(dir.resolve("checkpoint.json"))).getAsJsonObject();
		assertEquals(10, checkpoint.epochsDone(), "epoch 11 was cancelled: its weights resume as after epoch 10");
		assertFalse(state.has("validation_nme_io") || state.has("validation_jitter_io"), state.toString());
	}
}
