package io.github.landmarkj.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.landmarkj.core.Point2;

/** A hand-made iBUG-68-like face spread over a 100 x 100 box, for tests. */
final class FaceLayout {
	private FaceLayout() {
	}

	/** The face, roughly symmetric about x = 50, with ±{@code jitter} px deterministic noise, moved by (ox, oy). */
	static List<Point2> face68(double ox, double oy, double jitter, long seed) {
		double[][] p = new double[68][];
		for (int i = 0; i <= 16; i++) { // jaw: lower half ellipse, subject's right (image left) first
			double t = Math.PI * i / 16;
			p[i] = new double[] {50 - 48 * Math.cos(t), 40 + 58 * Math.sin(t)};
		}
		for (int i = 0; i < 5; i++) { // right brow, then its mirror
			p[17 + i] = new double[] {12 + 8 * i, 24 - 4 * Math.sin(Math.PI * i / 4)};
			p[26 - i] = new double[] {100 - p[17 + i][0], p[17 + i][1]};
		}
		for (int i = 0; i < 4; i++) { // nose bridge
			p[27 + i] = new double[] {50, 36 + 7 * i};
		}
		for (int i = 0; i < 5; i++) { // nostrils
			p[31 + i] = new double[] {40 + 5 * i, 62 + (i == 2 ? 2 : 0)};
		}
		double[][] eye = {{18, 40}, {24, 36}, {32, 36}, {38, 40}, {32, 44}, {24, 44}};
		int[] eyeMirror = {3, 2, 1, 0, 5, 4}; // 36..41 -> 45,44,43,42,47,46
		for (int k = 0; k < 6; k++) {
			p[36 + k] = eye[k].clone();
			p[42 + eyeMirror[k]] = new double[] {100 - eye[k][0], eye[k][1]};
		}
		for (int k = 0; k <= 6; k++) { // outer lips, top: 48..54
			double t = Math.PI * (1 - k / 6.0);
			p[48 + k] = new double[] {50 + 16 * Math.cos(t), 77 - 7 * Math.sin(t)};
		}
		for (int k = 1; k <= 5; k++) { // outer lips, bottom: 55..59 from the left corner back
			double t = Math.PI * k / 6.0;
			p[54 + k] = new double[] {50 + 16 * Math.cos(t), 77 + 8 * Math.sin(t)};
		}
		for (int k = 0; k <= 4; k++) { // inner lips, top: 60..64
			double t = Math.PI * (1 - k / 4.0);
			p[60 + k] = new double[] {50 + 11 * Math.cos(t), 77 - 3 * Math.sin(t)};
		}
		for (int k = 1; k <= 3; k++) { // inner lips, bottom: 65..67
			double t = Math.PI * k / 4.0;
			p[64 + k] = new double[] {50 + 11 * Math.cos(t), 77 + 3 * Math.sin(t)};
		}
		Random rng = new Random(seed);
		List<Point2> out = new ArrayList<>(68);
		for (double[] q : p) {
			out.add(new Point2(ox + q[0] + jitter * (2 * rng.nextDouble() - 1), oy + q[1] + jitter * (2 * rng.nextDouble() - 1)));
		}
		return out;
	}
}
