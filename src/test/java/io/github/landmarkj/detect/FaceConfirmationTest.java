package io.github.landmarkj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.ModelFormatException;
import io.github.landmarkj.io.ImageFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.List;

/** "Confirm faces" end to end on the demo photo: the bundled second opinion keeps its face, box for box. */
class FaceConfirmationTest {
	@Test
	void theDemoPhotosFaceIsConfirmedAndKeptExactly() throws Exception {
		RgbImage astronaut = ImageFiles.read(Paths.get("samples/astronaut.png"));
		DetectorSettings confirming = DetectorSettings.bundled(0).withFacesConfirmed(true);
		assertEquals(DetectorKind.CONFIRMING_NAME, confirming.confirmingDetector);
		try (LandmarkDetector landmarks = LandmarkDetector.open("face68", Device.cpu());
				FaceFinder plain = DetectorSettings.bundled(0).open(landmarks, Device.cpu());
				FaceFinder confirmed = confirming.open(landmarks, Device.cpu())) {
			assertEquals(null, plain.confirmationOrigin());
			assertEquals("bundled:face-detector-640", confirmed.confirmationOrigin());
			List<FaceBox> all = plain.boxes(astronaut), kept = confirmed.boxes(astronaut);
			assertTrue(kept.stream().anyMatch(b -> Math.abs(b.centerX() - 223) < 30 && Math.abs(b.centerY() - 130) < 30),
					"the astronaut's face among " + kept);
			assertEquals(all.size(), kept.size(), "no box of the demo photo is dropped");
			for (int i = 0; i < all.size(); i++) {
				FaceBox a = all.get(i), k = kept.get(i);
				assertTrue(a.x == k.x && a.y == k.y && a.width == k.width && a.height == k.height && a.score == k.score,
						"confirmed boxes are the finder's boxes, unchanged: " + a + " vs " + k);
			}
		}
	}

	@Test
	void aBoxWhereThePhotoHasNoFaceIsNotConfirmed() throws Exception {
		RgbImage astronaut = ImageFiles.read(Paths.get("samples/astronaut.png"));
		try (FaceConfirmation second = FaceConfirmation.open(DetectorKind.CONFIRMING_NAME, Device.cpu())) {
			List<FaceBox> opinion = second.secondOpinion(astronaut);
			assertTrue(opinion.stream().allMatch(b -> b.score >= 0.764), opinion.toString());
			FaceBox face = new FaceBox(179, 88, 90, 92), corner = new FaceBox(5, 5, 60, 60);
			assertEquals(List.of(face), second.confirmed(astronaut, List.of(corner, face)));
		}
	}

	@Test
	void aDetectorWithoutAConfirmationRuleCannotConfirm() {
		ModelFormatException e = assertThrows(ModelFormatException.class, () -> FaceConfirmation.open(DetectorKind.BUNDLED_NAME, Device.cpu()));
		assertTrue(e.getMessage().contains("cannot confirm faces") && e.getMessage().contains(DetectorKind.CONFIRMING_NAME), e.getMessage());
	}
}
