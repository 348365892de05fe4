package io.github.landmarkj.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.landmarkj.core.FaceBox;

import java.util.List;

import org.junit.jupiter.api.Test;

class BoxMatchingTest {
	@Test
	void takesTheBestPairFirstAndEachBoxOnce() {
		FaceBox truth = new FaceBox(0, 0, 10, 10);
		FaceBox near = new FaceBox(1, 0, 10, 10); // IoU 9/11
		FaceBox nearer = new FaceBox(0, 0.5, 10, 10); // IoU 9.5/10.5
		int[] m = BoxMatching.match(List.of(near, nearer), List.of(truth), 0.5);
		assertArrayEquals(new int[] {-1, 0}, m);
	}

	@Test
	void leavesPairsBelowTheMinimumIouUnmatched() {
		FaceBox a = new FaceBox(0, 0, 10, 10);
		FaceBox halfOff = new FaceBox(5, 0, 10, 10); // IoU 50/150
		assertArrayEquals(new int[] {-1}, BoxMatching.match(List.of(halfOff), List.of(a), 0.5));
		assertArrayEquals(new int[] {0}, BoxMatching.match(List.of(halfOff), List.of(a), 0.3));
	}

	@Test
	void aBoxGoesToItsBestFreeReference() {
		FaceBox left = new FaceBox(0, 0, 10, 10), right = new FaceBox(20, 0, 10, 10);
		FaceBox foundRight = new FaceBox(21, 0, 10, 10), foundLeft = new FaceBox(0, 1, 10, 10);
		assertArrayEquals(new int[] {1, 0}, BoxMatching.match(List.of(foundRight, foundLeft), List.of(left, right), 0.5));
	}
}
