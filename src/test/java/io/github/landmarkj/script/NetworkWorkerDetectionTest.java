package io.github.landmarkj.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.detect.DetectorKind;
import io.github.landmarkj.detect.DetectorSettings;
import org.junit.jupiter.api.Test;

/** The scripting service's "confirm faces" reaches the detector settings its workers open (no network runs). */
class NetworkWorkerDetectionTest {
	@Test
	void confirmFacesReachesTheWorkersFinderAndSeparatesWorkers() {
		LandmarkJOptions plain = LandmarkJOptions.defaults().withScoreThreshold(0.8);
		LandmarkJOptions confirming = plain.withFacesConfirmed(true);
		assertFalse(plain.confirmFaces());
		assertFalse(NetworkWorker.detection(plain.networkChoice()).confirmsFaces());
		DetectorSettings settings = NetworkWorker.detection(confirming.networkChoice());
		assertEquals(DetectorKind.CONFIRMING_NAME, settings.confirmingDetector);
		assertEquals(0.8, settings.scoreThreshold, 0);
		assertNotEquals(plain.networkChoice(), confirming.networkChoice(), "workers opened without confirmation are not reused with it");
		assertTrue(confirming.toString().contains("confirm_faces=true"), confirming.toString());
		assertTrue(confirming.withModel("face68").withFlipAveraging(true).confirmFaces(), "every with... keeps the option");
	}
}
