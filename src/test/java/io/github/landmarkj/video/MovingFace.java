package io.github.landmarkj.video;

import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic video for tracking tests: the demo photo's face (a 240 px square around it) sliding over a
 * grey 640x480 background, 8 px right and 3 px down per frame. Key points are known from the photo, marked
 * by hand (see DemoPhotoEndToEndTest), so positions are checked against coordinates the model never set.
 */
public final class MovingFace {
	public static final int WIDTH = 640, HEIGHT = 480;
	/** iBUG indices (0-based) and their hand-marked positions on samples/astronaut.png. */
	public static final int[] INDEX = {36, 39, 42, 45, 30, 48, 54};
	static final double[][] BY_HAND = {{192.5, 101.5}, {213, 103}, {236.5, 104}, {258.5, 103}, {224, 128}, {203.5, 140}, {244, 141}};
	private static final int SX = 100, SY = 20, SIDE = 240;

	private final RgbImage photo;

	public MovingFace() throws IOException {
		photo = ImageFiles.read(Path.of("samples/astronaut.png"));
	}

	/** Top-left corner of the pasted square in frame {@code f}. */
	private static int[] offset(int f) {
		return new int[] {60 + 8 * f, 80 + 3 * f};
	}

	public RgbImage frame(int f) {
		int[] o = offset(f);
		float[] p = new float[3 * WIDTH * HEIGHT];
		int n = WIDTH * HEIGHT;
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < HEIGHT; y++) {
				for (int x = 0; x < WIDTH; x++) {
					int sx = x - o[0] + SX, sy = y - o[1] + SY;
					boolean inside = x >= o[0] && x < o[0] + SIDE && y >= o[1] && y < o[1] + SIDE;
					p[c * n + y * WIDTH + x] = inside ? photo.get(c, sx, sy) : 100;
				}
			}
		}
		return RgbImage.wrap(WIDTH, HEIGHT, p);
	}

	/** Where hand-marked point {@code k} (of {@link #INDEX}) is in frame {@code f}. */
	public static Point2 expected(int k, int f) {
		int[] o = offset(f);
		return new Point2(BY_HAND[k][0] - SX + o[0], BY_HAND[k][1] - SY + o[1]);
	}

	/** Writes frames 0..count-1 as PNGs named frame_<f+1>.png (unpadded, so name order needs numbers by value). */
	public List<Path> writePngs(Path folder, int count) throws IOException {
		List<Path> out = new ArrayList<>();
		for (int f = 0; f < count; f++) {
			Path file = folder.resolve("frame_" + (f + 1) + ".png");
			ImageFiles.writePng(frame(f), file, false);
			out.add(file);
		}
		return out;
	}
}
