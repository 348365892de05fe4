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
}
