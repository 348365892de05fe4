package io.github.landmarkj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class LandmarkSchemeTest {
	private final LandmarkScheme scheme = LandmarkScheme.ibug68();

	@Test
	void hasSixtyEightNamedPoints() {
		assertEquals(68, scheme.size());
		assertEquals(68, scheme.pointNames().size());
		assertEquals("ibug68", scheme.name());
		assertEquals("jaw_1", scheme.pointName(0));
		assertEquals("jaw_2", scheme.pointName(1));
		assertEquals("right_eye_2", scheme.pointName(37));
		assertEquals("inner_lips_8", scheme.pointName(67));
		// Named key points.
		assertEquals("chin", scheme.pointName(8));
		assertEquals("nose_tip", scheme.pointName(30));
		assertEquals("right_eye_outer", scheme.pointName(36));
		assertEquals("left_eye_outer", scheme.pointName(45));
		assertEquals("mouth_right", scheme.pointName(48));
		assertEquals("mouth_left", scheme.pointName(54));
		assertEquals(68, new java.util.HashSet<>(scheme.pointNames()).size(), "names are unique");
	}

	@Test
	void mirrorIsAnInvolution() {
		int[] m = scheme.mirror();
		assertEquals(68, m.length);
		for (int i = 0; i < 68; i++) {
			assertEquals(i, m[m[i]], "point " + i);
		}
	}

	@Test
	void mirrorPairsTheExpectedPoints() {
		int[] m = scheme.mirror();
		assertEquals(45, m[36]);
		assertEquals(36, m[45]);
		assertEquals(42, m[39]);
		assertEquals(39, m[42]);
		assertEquals(30, m[30]);
		assertEquals(16, m[0]);
		assertEquals(0, m[16]);
		assertEquals(8, m[8]); // chin
		assertEquals(54, m[48]);
		assertEquals(48, m[54]);
		assertEquals(26, m[17]); // outer brow ends
		assertEquals(33, m[33]);
		assertEquals(57, m[57]);
		assertEquals(64, m[60]);
		assertEquals(36, scheme.outerEyeRight());
		assertEquals(45, scheme.outerEyeLeft());
	}

	@Test
	void mirrorMapsEachGroupToItsMirrorGroup() {
		int[] m = scheme.mirror();
		String[][] pairs = {{"jaw", "jaw"}, {"right_brow", "left_brow"}, {"nose_bridge", "nose_bridge"}, {"nostrils", "nostrils"},
				{"right_eye", "left_eye"}, {"outer_lips", "outer_lips"}, {"inner_lips", "inner_lips"}};
		for (String[] p : pairs) {
			LandmarkGroup a = scheme.group(p[0]), b = scheme.group(p[1]);
			for (int i = a.first; i <= a.last; i++) {
				assertEquals(b, scheme.groupOf(m[i]), "point " + i);
			}
		}
	}

	@Test
	void mirrorSwapsTheNamedKeyPoints() {
		int[] m = scheme.mirror();
		String[][] pairs = {{"right_eye_outer", "left_eye_outer"}, {"right_eye_inner", "left_eye_inner"}, {"mouth_right", "mouth_left"},
				{"chin", "chin"}, {"nose_tip", "nose_tip"}};
		for (String[] p : pairs) {
			int i = scheme.pointNames().indexOf(p[0]);
			assertEquals(p[1], scheme.pointName(m[i]), p[0]);
		}
	}

	@Test
	void mirrorIsACopy() {
		int[] m = scheme.mirror();
		m[0] = 5;
		assertEquals(16, scheme.mirror()[0]);
	}

	@Test
	void groupsCoverEveryPointExactlyOnce() {
		int[] count = new int[68];
		for (LandmarkGroup g : scheme.groups()) {
			for (int i = g.first; i <= g.last; i++) {
				count[i]++;
			}
		}
		for (int i = 0; i < 68; i++) {
			assertEquals(1, count[i], "point " + i);
			assertNotNull(scheme.groupOf(i));
		}
		assertNull(scheme.groupOf(68));
		assertEquals(6, scheme.group("right_eye").size());
		assertNull(scheme.group("no_such_group"));
	}

	@Test
	void constructorRejectsANonInvolution() {
		List<String> names = Arrays.asList("a", "b", "c");
		List<LandmarkGroup> groups = Collections.singletonList(new LandmarkGroup("all", 0, 2, false, false));
		// A 3-cycle is a permutation but not an involution.
		assertThrows(IllegalArgumentException.class, () -> new LandmarkScheme("x", names, groups, new int[] {1, 2, 0}, 0, 2));
		// Not a permutation.
		assertThrows(IllegalArgumentException.class, () -> new LandmarkScheme("x", names, groups, new int[] {2, 2, 0}, 0, 2));
		assertThrows(IllegalArgumentException.class, () -> new LandmarkScheme("x", names, groups, new int[] {2, 1, 3}, 0, 2));
		assertThrows(IllegalArgumentException.class, () -> new LandmarkScheme("x", names, groups, new int[] {2, 1}, 0, 2));
		// A valid involution is accepted.
		LandmarkScheme ok = new LandmarkScheme("x", names, groups, new int[] {2, 1, 0}, 0, 2);
		assertEquals(3, ok.size());
	}

	@Test
	void constructorRejectsGroupsPastTheLastPoint() {
		List<String> names = Arrays.asList("a", "b");
		assertThrows(IllegalArgumentException.class, () -> new LandmarkScheme("x", names,
				Collections.singletonList(new LandmarkGroup("g", 0, 2, false, false)), new int[] {1, 0}, 0, 1));
	}
}
