package io.github.landmarkj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@code regions} choices as macros spell them. */
class FaceRegionsTest {
	@Test
	void detectFacesIsAChoiceWhateverItsCaseAndSpaces() {
		assertEquals(FaceRegions.Source.DETECT_FACES, FaceRegions.Source.parse("Detect faces"));
		assertEquals(FaceRegions.Source.DETECT_FACES, FaceRegions.Source.parse(" detect FACES "));
		assertEquals("Detect faces", FaceRegions.Source.DETECT_FACES.toString());
		assertEquals(FaceRegions.Source.WHOLE_IMAGE, FaceRegions.Source.parse("Whole image"));
	}

	@Test
	void anUnknownChoiceListsThemAll() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaceRegions.Source.parse("Detect face"));
		for (FaceRegions.Source s : FaceRegions.Source.values()) {
			assertTrue(e.getMessage().contains("[" + s.label + "]"), e.getMessage());
		}
	}

	@Test
	void detectFacesNeedsADetector() {
		assertThrows(IllegalArgumentException.class, () -> new FaceRegions(FaceRegions.Source.DETECT_FACES, null, null));
	}
}
