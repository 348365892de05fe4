package io.github.landmarkj.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What the points of a model mean: their names, the facial parts they form, which point a horizontal
 * mirror turns each point into, and which two points define the inter-ocular distance.
 */
public final class LandmarkScheme {
	private final String name;
	private final List<String> pointNames;
	private final List<LandmarkGroup> groups;
	private final int[] mirror;
	private final int outerEyeRight;
	private final int outerEyeLeft;

	public LandmarkScheme(String name, List<String> pointNames, List<LandmarkGroup> groups, int[] mirror,
			int outerEyeRight, int outerEyeLeft) {
		int n = pointNames.size();
		if (mirror.length != n) {
			throw new IllegalArgumentException("Mirror permutation has " + mirror.length + " entries for " + n + " points");
		}
		boolean[] seen = new boolean[n];
		for (int i = 0; i < n; i++) {
			if (mirror[i] < 0 || mirror[i] >= n || seen[mirror[i]] || mirror[mirror[i]] != i) {
				throw new IllegalArgumentException("Mirror permutation must be an involution over 0.." + (n - 1));
			}
			seen[mirror[i]] = true;
		}
		for (LandmarkGroup g : groups) {
			if (g.last >= n) {
				throw new IllegalArgumentException("Group " + g.name + " goes past point " + n);
			}
		}
		this.name = name;
		this.pointNames = Collections.unmodifiableList(new ArrayList<>(pointNames));
		this.groups = Collections.unmodifiableList(new ArrayList<>(groups));
		this.mirror = mirror.clone();
		this.outerEyeRight = outerEyeRight;
		this.outerEyeLeft = outerEyeLeft;
	}

	/** The iBUG 300-W 68-point scheme ("right" is the subject's right, on the left of the image). */
	public static LandmarkScheme ibug68() {
		List<LandmarkGroup> groups = Arrays.asList(
				new LandmarkGroup("jaw", 0, 16, true, false),
				new LandmarkGroup("right_brow", 17, 21, false, false),
				new LandmarkGroup("left_brow", 22, 26, false, false),
				new LandmarkGroup("nose_bridge", 27, 30, false, false),
				new LandmarkGroup("nostrils", 31, 35, false, false),
				new LandmarkGroup("right_eye", 36, 41, false, true),
				new LandmarkGroup("left_eye", 42, 47, false, true),
				new LandmarkGroup("outer_lips", 48, 59, false, true),
				new LandmarkGroup("inner_lips", 60, 67, false, true));
		List<String> names = new ArrayList<>();
		for (LandmarkGroup g : groups) {
			for (int i = 0; i < g.size(); i++) {
				names.add(g.name + "_" + (i + 1));
			}
		}
		// The points people quote by name get their names; the others are numbered within their part.
		String[][] named = {{"8", "chin"}, {"30", "nose_tip"}, {"36", "right_eye_outer"}, {"39", "right_eye_inner"},
				{"42", "left_eye_inner"}, {"45", "left_eye_outer"}, {"48", "mouth_right"}, {"54", "mouth_left"}};
		for (String[] n : named) {
			names.set(Integer.parseInt(n[0]), n[1]);
		}
		int[] m = new int[68];
		for (int i = 0; i <= 16; i++) {
			m[i] = 16 - i;
		}
		for (int i = 0; i < 5; i++) {
			m[17 + i] = 26 - i;
			m[26 - i] = 17 + i;
		}
		for (int i = 27; i <= 30; i++) {
			m[i] = i;
		}
		int[][] pairs = {{31, 35}, {32, 34}, {33, 33}, {36, 45}, {37, 44}, {38, 43}, {39, 42}, {40, 47}, {41, 46},
				{48, 54}, {49, 53}, {50, 52}, {51, 51}, {55, 59}, {56, 58}, {57, 57},
				{60, 64}, {61, 63}, {62, 62}, {65, 67}, {66, 66}};
		for (int[] p : pairs) {
			m[p[0]] = p[1];
			m[p[1]] = p[0];
		}
		return new LandmarkScheme("ibug68", names, groups, m, 36, 45);
	}

	public String name() {
		return name;
	}

	public int size() {
		return pointNames.size();
	}

	public String pointName(int i) {
		return pointNames.get(i);
	}

	public List<String> pointNames() {
		return pointNames;
	}

	public List<LandmarkGroup> groups() {
		return groups;
	}

	/** The group holding point {@code i}, or null. */
	public LandmarkGroup groupOf(int i) {
		for (LandmarkGroup g : groups) {
			if (g.contains(i)) {
				return g;
			}
		}
		return null;
	}

	/** mirror()[i] = the point that point i becomes in a horizontally flipped image. */
	public int[] mirror() {
		return mirror.clone();
	}

	/** 0-based index of the subject's right outer eye corner (point 37 in 1-based iBUG numbering). */
	public int outerEyeRight() {
		return outerEyeRight;
	}

	/** 0-based index of the subject's left outer eye corner (point 46 in 1-based iBUG numbering). */
	public int outerEyeLeft() {
		return outerEyeLeft;
	}

	/** Groups whose points average to the pupils, for inter-pupil distance; null when the scheme has none. */
	public LandmarkGroup group(String groupName) {
		for (LandmarkGroup g : groups) {
			if (g.name.equals(groupName)) {
				return g;
			}
		}
		return null;
	}
}
