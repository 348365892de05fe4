package io.github.landmarkj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.detect.DetectorKind;
import io.github.landmarkj.detect.DetectorSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The detector options of {@code detect} and {@code track} reach the finder's settings (parsing only: no network runs). */
class DetectorOptionTest {
	private static DetectorSettings detect(String... args) {
		DetectVerb verb = new DetectVerb();
		CommandLine command = new CommandLine(verb);
		command.parseArgs(args);
		return verb.detection(command);
	}

	private static DetectorSettings track(String... args) {
		TrackVerb verb = new TrackVerb();
		new CommandLine(verb).parseArgs(args);
		return verb.detection();
	}

	@Test
	void confirmFacesIsOffByDefaultAndOnWithTheFlag() {
		DetectorSettings plain = detect("--input", "samples/astronaut.png", "--output", "x");
		assertFalse(plain.confirmsFaces());
		assertEquals(null, plain.confirmingDetector);
		DetectorSettings confirmed = detect("--input", "samples/astronaut.png", "--output", "x", "--confirm-faces", "--score-threshold", "0.8",
				"--min-face-size", "30");
		assertEquals(DetectorKind.CONFIRMING_NAME, confirmed.confirmingDetector);
		assertEquals(0.8, confirmed.scoreThreshold, 0);
		assertEquals(30, confirmed.minFaceSize, 0);
		assertEquals(DetectorKind.BUNDLED_NAME, confirmed.detector);

		assertFalse(track("--input", "v.avi", "--output", "x").confirmsFaces());
		assertEquals(DetectorKind.CONFIRMING_NAME, track("--input", "v.avi", "--output", "x", "--confirm-faces").confirmingDetector);
	}

	@Test
	void confirmFacesWithoutADetectorIsAUsageError() {
		CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
				() -> detect("--input", "samples/astronaut.png", "--output", "x", "--whole-image", "--confirm-faces"));
		assertTrue(e.getMessage().contains("--confirm-faces"), e.getMessage());
	}

	@Test
	void theHelpOfDetectAndTrackStatesWhatConfirmingCosts() {
		for (Object verb : new Object[] {new DetectVerb(), new TrackVerb()}) {
			StringWriter help = new StringWriter();
			new CommandLine(verb).usage(new PrintWriter(help));
			String text = help.toString().replaceAll("\\s+", " ");
			assertTrue(text.contains("--confirm-faces") && text.contains("0.1 s more per image") && text.contains(DetectorKind.CONFIRMING_NAME), text);
		}
	}
}
