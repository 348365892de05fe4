package io.github.landmarkj.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.landmarkj.net.TemporalConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalPackageTest {
	@Test
	void modelJsonRoundTripKeepsTheNetworkShapeAndTraining(@TempDir Path dir) throws IOException {
		JsonObject training = new JsonObject();
		training.addProperty("epochs", 7);
		TemporalPackage pkg = new TemporalPackage("t", "1.0.0", new TemporalConfig(68, 340, 32, 16, 1, false), "weights.params",
				"abc", training, "licence text");
		pkg.write(dir);
		TemporalPackage back = TemporalPackage.read(dir);
		assertEquals(16, back.config.hidden);
		assertEquals(false, back.config.bidirectional);
		assertEquals(7, back.training.get("epochs").getAsInt());
		assertEquals("abc", back.weightsSha256);
		assertEquals("licence text", back.licence);
	}

	@Test
	void aLandmarkModelIsNotTakenForATemporalModel(@TempDir Path dir) throws IOException {
		Files.write(dir.resolve("model.json"), "{\"format\": \"landmarkj-model/2\", \"kind\": \"landmarks\"}".getBytes());
		IOException e = assertThrows(IOException.class, () -> TemporalPackage.read(dir));
		assertTrue(e.getMessage().contains("not a temporal model"), e.getMessage());
	}

	@Test
	void damagedWeightsAreRefused(@TempDir Path dir) throws IOException {
		new TemporalPackage("t", "1.0.0", TemporalConfig.defaultFace68(), "weights.params", "00", null, "l").write(dir);
		Files.write(dir.resolve("weights.params"), new byte[] {1, 2, 3});
		IOException e = assertThrows(IOException.class, () -> TemporalPackage.locate(dir.toString()));
		assertTrue(e.getMessage().contains("do not match"), e.getMessage());
	}
}
