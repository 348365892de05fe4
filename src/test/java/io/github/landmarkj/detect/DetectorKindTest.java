package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.engine.ModelFormatException;
import io.github.landmarkj.engine.ModelLocator;
import io.github.landmarkj.engine.ModelPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The bundled detector's model.json on the one package format (no libtorch needed). */
class DetectorKindTest {
	@Test
	void theBundledPackageHoldsThePublishedDecodingAndSurvivesARoundTrip(@TempDir Path dir) throws Exception {
		ModelPackage<DetectorSpec> pkg = ModelPackage.read(Paths.get("models/face-detector"), DetectorKind.INSTANCE);
		assertEquals("face-detector", pkg.name());
		assertEquals("2.1.0", pkg.version());
		assertTrue(pkg.licence().contains("MIT") && pkg.licence().contains("WIDER FACE"), pkg.licence());
		assertEquals("dffdddda9794a50607cba8f318507a28c1c27cab", pkg.info().source().get("commit").getAsString());
		DetectorSpec s = pkg.spec();
		assertEquals(PriorSpec.ultraLight(), s.priors());
		assertEquals(320, s.inputLongSide());
		assertEquals(240, s.inputShortSide());
		assertEquals(0.3, s.nmsIou(), 0);
		assertEquals(new TightBoxMapping(-0.0031, 0.0830, 1.0782), s.tightBox());
		float[] normalised = new float[3];
		s.normalisation().apply(new float[] {0, 127, 255}, normalised, 0);
		assertEquals(-127 / 128.0, normalised[0], 1e-5);
		assertEquals(0, normalised[1], 1e-5);
		assertEquals(1, normalised[2], 1e-5);

		pkg.write(dir);
		DetectorSpec back = ModelPackage.read(dir, DetectorKind.INSTANCE).spec();
		assertEquals(s.priors(), back.priors());
		assertEquals(s.scoreThreshold(), back.scoreThreshold(), 0);
		assertEquals(s.inputShortSide(), back.inputShortSide());
		assertEquals(s.tightBox(), back.tightBox());
	}

	@Test
	void theTightBoxMappingIsOptionalAndChecked() throws Exception {
		String json = new String(Files.readAllBytes(Paths.get("models/face-detector/model.json")), StandardCharsets.UTF_8);
		String without = json.replaceAll("(?s),\\s*\"tight_box\": \\{[^}]*\\}", "");
		assertEquals(null, ModelPackage.parse(without.getBytes(StandardCharsets.UTF_8), "model.json", DetectorKind.INSTANCE).spec().tightBox());
		ModelFormatException negative = assertThrows(ModelFormatException.class, () -> ModelPackage.parse(
				json.replace("\"side_per_width\": 1.0782", "\"side_per_width\": -1").getBytes(StandardCharsets.UTF_8), "model.json",
				DetectorKind.INSTANCE));
		assertTrue(negative.getMessage().contains("positive side per width"), negative.getMessage());
	}

	@Test
	void priorsThatDoNotFitTheNetworkAndUnknownArchitecturesAreRefused() throws Exception {
		String json = new String(Files.readAllBytes(Paths.get("models/face-detector/model.json")), StandardCharsets.UTF_8);
		ModelFormatException maps = assertThrows(ModelFormatException.class, () -> ModelPackage.parse(
				json.replace("{\"stride\": 64, \"sides\": [128, 192, 256]}", "{\"stride\": 64, \"sides\": [128, 192]}")
						.getBytes(StandardCharsets.UTF_8), "model.json", DetectorKind.INSTANCE));
		assertTrue(maps.getMessage().contains("priors do not fit"), maps.getMessage());
		ModelFormatException arch = assertThrows(ModelFormatException.class, () -> ModelPackage.parse(
				json.replace("\"ultra-light-rfb\"", "\"centernet-tiny\"").getBytes(StandardCharsets.UTF_8), "model.json", DetectorKind.INSTANCE));
		assertTrue(arch.getMessage().contains("centernet-tiny"), arch.getMessage());
	}

	@Test
	void theBundledSecondOpinionIsThePublished640DetectorWithItsConfirmationRule() throws Exception {
		ModelLocator.LocatedModel<DetectorSpec> located = ModelLocator.locate(DetectorKind.CONFIRMING_NAME, DetectorKind.INSTANCE);
		ModelPackage<DetectorSpec> pkg = located.pkg;
		assertEquals("face-detector-640", pkg.name());
		assertEquals("bundled:face-detector-640", located.origin);
		assertTrue(pkg.licence().contains("MIT"), pkg.licence());
		assertEquals("models/pretrained/version-RFB-640.pth", pkg.info().source().get("file").getAsString());
		assertEquals("bf34512b1a93dc234178e8a701ecf25c6afddf335a3226accf62982536e160b5", pkg.info().source().get("sha256").getAsString());
		DetectorSpec s = pkg.spec();
		assertEquals(640, s.inputLongSide());
		assertEquals(480, s.inputShortSide());
		assertEquals(PriorSpec.ultraLight(), s.priors());
		assertEquals(new ConfirmationRule(0.3, 0.764, false), s.confirmation());
		assertEquals(null, ModelPackage.read(Paths.get("models/face-detector"), DetectorKind.INSTANCE).spec().confirmation(),
				"the default detector is no second opinion");
		assertTrue(Files.readString(Paths.get("models/face-detector-640/LICENSE")).contains("Copyright (c) 2019 linzai"));
	}

	@Test
	void theSecondOpinionsWeightsAreCheckedAgainstTheirSha256AndItsRuleRoundTrips(@TempDir Path dir) throws Exception {
		Path copy = Files.createDirectories(dir.resolve("copy"));
		for (String f : new String[] {"model.json", "weights.params"}) {
			Files.copy(Paths.get("models/face-detector-640", f), copy.resolve(f));
		}
		assertEquals(new ConfirmationRule(0.3, 0.764, false), ModelLocator.locate(copy.toString(), DetectorKind.INSTANCE).pkg.spec().confirmation());
		byte[] weights = Files.readAllBytes(copy.resolve("weights.params"));
		weights[weights.length / 2] ^= 1;
		Files.write(copy.resolve("weights.params"), weights);
		IOException changed = assertThrows(IOException.class, () -> ModelLocator.locate(copy.toString(), DetectorKind.INSTANCE));
		assertTrue(changed.getMessage().contains("SHA-256"), changed.getMessage());

		ModelPackage<DetectorSpec> pkg = ModelPackage.read(Paths.get("models/face-detector-640"), DetectorKind.INSTANCE);
		pkg.write(dir.resolve("written"));
		assertEquals(pkg.spec().confirmation(), ModelPackage.read(dir.resolve("written"), DetectorKind.INSTANCE).spec().confirmation());
		String json = Files.readString(Paths.get("models/face-detector-640/model.json"));
		ModelFormatException bad = assertThrows(ModelFormatException.class, () -> ModelPackage.parse(
				json.replace("\"min_score\": 0.764", "\"min_score\": 1.5").getBytes(StandardCharsets.UTF_8), "model.json", DetectorKind.INSTANCE));
		assertTrue(bad.getMessage().contains("confirmation score"), bad.getMessage());
	}
}
