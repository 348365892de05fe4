package io.github.landmarkj.engine;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.landmarkj.core.SubpixelMethod;
import io.github.landmarkj.net.NetConfig;
import io.github.landmarkj.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one package format and locator: versions, kinds, missing keys and checksums. No libtorch needed. */
class ModelPackageTest {
	private static final byte[] WEIGHTS = "not really weights".getBytes(StandardCharsets.UTF_8);

	private static Path folder(Path dir, JsonObject json, byte[] weights) throws IOException {
		Files.createDirectories(dir);
		Files.write(dir.resolve("model.json"), json.toString().getBytes(StandardCharsets.UTF_8));
		Files.write(dir.resolve("weights.params"), weights);
		return dir;
	}

	private static JsonObject finished() {
		return LandmarkKind.newFace68(NetConfig.defaultFace68())
				.withWeights(new WeightsRecord("weights.params", PackageFiles.sha256(WEIGHTS))).toJson();
	}

	/** The same model written the version-1 way: the landmark section's keys at the top level. */
	private static JsonObject version1(JsonObject v2) {
		JsonObject o = new JsonObject();
		o.addProperty("format", "landmarkj-model/1");
		for (String key : new String[] {"name", "version", "licence", "weights", "training"}) {
			o.add(key, v2.get(key));
		}
		v2.getAsJsonObject("landmarks").entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
		return o;
	}

	@Test
	void bundledModelIsVersion2AndItsWeightsPassTheirChecksum() throws IOException {
		ModelLocator.LocatedModel<LandmarkSpec> located = ModelLocator.locate("face68");
		assertEquals("bundled:face68", located.origin);
		assertEquals("2.0.0", located.pkg.version());
		assertEquals("CARD.md", located.pkg.info().card);
		assertEquals("scripts/train-face68.sh", located.pkg.info().source().get("script").getAsString());
		assertEquals(68, located.pkg.spec().scheme.size());
		assertEquals(1.35, located.pkg.spec().cropScale);
		assertEquals(0.0388669526813041, located.pkg.training().get("final_validation_nme_io").getAsDouble());
		assertEquals(0.040654775746681936, located.pkg.training().getAsJsonObject("previous_stage").get("final_validation_nme_io").getAsDouble());
		assertEquals(SubpixelMethod.DARK, located.pkg.spec().heatmaps.subpixelMethod);
		byte[] json = PackageFiles.resource("/landmarkj/models/face68/model.json");
		JsonObject file = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals(file.toString(), located.pkg.toJson().toString(), "reading and writing the bundled model.json loses nothing");
	}

	@Test
	void writtenPackageReadsBackTheSame(@TempDir Path dir) throws IOException {
		ModelPackage<LandmarkSpec> pkg = LandmarkKind.newFace68(NetConfig.builder().inputSize(64).stemChannels(8).encoderChannels(8, 16)
				.bottleneckChannels(16).decoderChannels(8).occlusionChannels(4).alpha(0.5).attentionChannels(0).build())
				.withName("tiny").withWeights(new WeightsRecord("w.params", "ab12"));
		pkg.write(dir);
		ModelPackage<LandmarkSpec> back = ModelPackage.read(dir, LandmarkKind.INSTANCE);
		assertEquals(pkg.toJson().toString(), back.toJson().toString());
		assertEquals(0.5, back.spec().net.alpha);
		assertArrayEquals(new int[] {8, 16}, back.spec().net.encoderChannels());
		assertEquals("w.params", back.weights().file);
		assertTrue(!Files.exists(dir.resolve("model.json.tmp")));
		try (java.util.stream.Stream<Path> files = Files.list(dir)) {
			assertEquals(java.util.List.of(dir.resolve("model.json")), files.collect(java.util.stream.Collectors.toList()),
					"no temporary file left beside model.json");
		}
	}

	@Test
	void version1FilesStillLoad(@TempDir Path dir) throws IOException {
		JsonObject v2 = finished();
		ModelLocator.LocatedModel<LandmarkSpec> old = ModelLocator.locate(folder(dir, version1(v2), WEIGHTS).toString());
		assertEquals(v2.toString(), old.pkg.toJson().toString(), "a version-1 file reads into the same package");
	}

	@Test
	void unknownFormatVersionIsRefusedWithWhatToDo(@TempDir Path dir) throws IOException {
		JsonObject o = finished();
		o.addProperty("format", "landmarkj-model/3");
		IOException e = assertThrows(ModelFormatException.class, () -> ModelLocator.locate(folder(dir, o, WEIGHTS).toString()));
		assertTrue(e.getMessage().contains("'landmarkj-model/3'") && e.getMessage().contains("update LandmarkJ"), e.getMessage());
	}

	@Test
	void missingKeyIsNamedWithItsPath(@TempDir Path dir) throws IOException {
		JsonObject o = finished();
		o.getAsJsonObject("landmarks").getAsJsonObject("heatmaps").remove("sigma");
		IOException e = assertThrows(ModelFormatException.class, () -> ModelLocator.locate(folder(dir, o, WEIGHTS).toString()));
		assertTrue(e.getMessage().contains("lacks the key 'landmarks.heatmaps.sigma'"), e.getMessage());

		JsonObject noSha = finished();
		noSha.getAsJsonObject("weights").remove("sha256");
		e = assertThrows(ModelFormatException.class, () -> ModelLocator.locate(folder(dir.resolve("b"), noSha, WEIGHTS).toString()));
		assertTrue(e.getMessage().contains("'weights.sha256'"), e.getMessage());

		JsonObject wrongType = finished();
		wrongType.getAsJsonObject("landmarks").getAsJsonObject("input").addProperty("crop_scale", "big");
		e = assertThrows(ModelFormatException.class, () -> ModelLocator.locate(folder(dir.resolve("c"), wrongType, WEIGHTS).toString()));
		assertTrue(e.getMessage().contains("'landmarks.input.crop_scale' should be a number"), e.getMessage());
	}

	@Test
	void theHeatMapDecoderIsReadFromModelJsonAndDefaultsToTheCentreOfGravity(@TempDir Path dir) throws IOException {
		// A file of a version before the key existed: the centre of gravity, which is also never written.
		JsonObject plain = finished();
		plain.getAsJsonObject("landmarks").getAsJsonObject("heatmaps").remove("decoder");
		ModelPackage<LandmarkSpec> old = ModelLocator.locate(folder(dir.resolve("a"), plain, WEIGHTS).toString()).pkg;
		assertEquals(SubpixelMethod.CENTRE_OF_GRAVITY, old.spec().heatmaps.subpixelMethod);
		assertEquals(plain.toString(), old.toJson().toString(), "the default is not written, so that such files stay as they were");

		// New face68 models are decoded by DARK and say so.
		JsonObject dark = finished();
		assertEquals("dark", dark.getAsJsonObject("landmarks").getAsJsonObject("heatmaps").get("decoder").getAsString());
		ModelPackage<LandmarkSpec> read = ModelLocator.locate(folder(dir.resolve("b"), dark, WEIGHTS).toString()).pkg;
		assertEquals(SubpixelMethod.DARK, read.spec().heatmaps.subpixelMethod);
		assertEquals(SubpixelMethod.DARK, read.spec().decoder().method());
		assertEquals(dark.toString(), read.toJson().toString(), "a chosen decoder is written back");

		JsonObject unknown = finished();
		unknown.getAsJsonObject("landmarks").getAsJsonObject("heatmaps").addProperty("decoder", "magic");
		IOException e = assertThrows(ModelFormatException.class, () -> ModelLocator.locate(folder(dir.resolve("c"), unknown, WEIGHTS).toString()));
		assertTrue(e.getMessage().contains("landmarks.heatmaps.decoder") && e.getMessage().contains("'magic'")
				&& e.getMessage().contains("centre_of_gravity, dark or taylor"), e.getMessage());
	}

	@Test
	void aModelOfAnotherKindIsRefused(@TempDir Path dir) throws IOException {
		JsonObject o = finished();
		o.addProperty("kind", "temporal");
		IOException e = assertThrows(ModelFormatException.class, () -> ModelLocator.locate(folder(dir, o, WEIGHTS).toString()));
		assertTrue(e.getMessage().contains("holds a 'temporal' model where a 'landmarks' model is needed"), e.getMessage());
	}

	@Test
	void weightsFailingTheirChecksumAreRefusedEverywhere(@TempDir Path dir) throws IOException {
		Path damaged = folder(dir.resolve("damaged"), finished(), "other bytes".getBytes(StandardCharsets.UTF_8));
		IOException e = assertThrows(IOException.class, () -> ModelLocator.locate(damaged.toString()));
		assertTrue(e.getMessage().contains("do not match model.json"), e.getMessage());
		// train --init and the Fiji training command start through the same locator
		e = assertThrows(IOException.class, () -> TrainingRun.startingFrom(damaged.toString(), "new"));
		assertTrue(e.getMessage().contains("do not match model.json"), e.getMessage());
	}

	@Test
	void weightsWithoutAChecksumAreNotLoaded(@TempDir Path dir) throws IOException {
		JsonObject o = finished();
		o.getAsJsonObject("weights").addProperty("sha256", "");
		IOException e = assertThrows(ModelFormatException.class, () -> ModelLocator.locate(folder(dir, o, WEIGHTS).toString()));
		assertTrue(e.getMessage().contains("records no SHA-256"), e.getMessage());
	}

	@Test
	void brokenJsonSaysSo(@TempDir Path dir) throws IOException {
		Files.createDirectories(dir);
		Files.write(dir.resolve("model.json"), "{ \"format\": ".getBytes(StandardCharsets.UTF_8));
		IOException e = assertThrows(ModelFormatException.class, () -> ModelPackage.read(dir, LandmarkKind.INSTANCE));
		assertTrue(e.getMessage().contains("is not a JSON object"), e.getMessage());
	}
}
