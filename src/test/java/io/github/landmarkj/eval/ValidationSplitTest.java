package io.github.landmarkj.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.landmarkj.core.Point2;
import io.github.landmarkj.io.AnnotatedFace;

class ValidationSplitTest {

	@Test
	void photoOfDropsTheAfwFaceNumber() {
		assertEquals("1051618982", ValidationSplit.photoOf(Paths.get("afw/1051618982_2.jpg")));
		assertEquals("1051618982", ValidationSplit.photoOf(Paths.get("afw/1051618982_1.jpg")));
		assertEquals("100032540", ValidationSplit.photoOf(Paths.get("helen/trainset/100032540_1.jpg")));
	}

	@Test
	void photoOfKeepsNamesWithoutAFaceNumber() {
		assertEquals("image_0001", ValidationSplit.photoOf(Paths.get("lfpw/image_0001.jpg")));
		assertEquals("image_0001", ValidationSplit.photoOf(Paths.get("lfpw/trainset/image_0001.png")));
		assertEquals("1051618982", ValidationSplit.photoOf(Paths.get("afw/1051618982.jpg")));
		assertEquals("noext", ValidationSplit.photoOf(Paths.get("noext")));
	}

	@Test
	void isValidationTakesTheLastOfEveryGroup() {
		ValidationSplit split = new ValidationSplit(5);
		assertEquals(5, split.every());
		int count = 0;
		for (int i = 0; i < 20; i++) {
			boolean v = split.isValidation(i);
			assertEquals(i == 4 || i == 9 || i == 14 || i == 19, v, "index " + i);
			if (v) {
				count++;
			}
		}
		assertEquals(4, count);
		ValidationSplit two = new ValidationSplit(2);
		assertFalse(two.isValidation(0));
		assertTrue(two.isValidation(1));
		assertFalse(two.isValidation(2));
	}

	private static AnnotatedFace face(String path) {
		return new AnnotatedFace(Paths.get(path), Collections.singletonList(new Point2(0, 0)), path);
	}

	private static List<String> ids(List<AnnotatedFace> faces) {
		List<String> out = new ArrayList<>();
		for (AnnotatedFace f : faces) {
			out.add(f.id());
		}
		return out;
	}

	@Test
	void splitKeepsFacesOfOnePhotoTogetherAndCountsPerFolder() {
		// afw photos (sorted) 1, 2, 3, 4 -> indices 0..3; every 2nd (index 1, 3) is validation: photos 2 and 4.
		// lfpw counts on its own: image_0001..0003 -> indices 0..2, so only image_0002 is validation.
		List<AnnotatedFace> faces = Arrays.asList(face("afw/3_2.jpg"), face("lfpw/image_0003.jpg"), face("afw/1_1.jpg"),
				face("afw/4_1.jpg"), face("afw/2_1.jpg"), face("lfpw/image_0001.jpg"), face("afw/3_1.jpg"), face("afw/2_2.jpg"),
				face("afw/1_2.jpg"), face("lfpw/image_0002.jpg"));
		List<List<AnnotatedFace>> parts = new ValidationSplit(2).split(faces);
		assertEquals(2, parts.size());
		assertEquals(Arrays.asList("afw/1_1.jpg", "afw/1_2.jpg", "afw/3_1.jpg", "afw/3_2.jpg", "lfpw/image_0001.jpg",
				"lfpw/image_0003.jpg"), ids(parts.get(0)));
		assertEquals(Arrays.asList("afw/2_1.jpg", "afw/2_2.jpg", "afw/4_1.jpg", "lfpw/image_0002.jpg"), ids(parts.get(1)));
	}

	@Test
	void rejectsTooSmallEvery() {
		assertThrows(IllegalArgumentException.class, () -> new ValidationSplit(1));
		assertThrows(IllegalArgumentException.class, () -> new ValidationSplit(0));
	}
}
