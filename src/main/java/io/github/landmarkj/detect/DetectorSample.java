package io.github.landmarkj.detect;

import io.github.landmarkj.core.FaceBox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One synthetic training image: square planar RGB pixels (0..255), the boxes of the faces in it, and a
 * weight per stride-8 cell for the negative part of the loss (0 where a face might be that is not annotated).
 */
public final class DetectorSample {
	public final int size;
	private final float[] pixels;
	public final List<FaceBox> boxes;
	private final float[] negativeWeight;

	public DetectorSample(int size, float[] pixels, List<FaceBox> boxes, float[] negativeWeight) {
		int g = size / DetectorConfig.STRIDE;
		if (pixels.length != 3 * size * size || negativeWeight.length != g * g) {
			throw new IllegalArgumentException("Sample arrays do not fit a " + size + " px image");
		}
		this.size = size;
		this.pixels = pixels;
		this.boxes = Collections.unmodifiableList(new ArrayList<>(boxes));
		this.negativeWeight = negativeWeight;
	}

	public float[] pixels() {
		return pixels.clone();
	}

	public float[] negativeWeight() {
		return negativeWeight.clone();
	}
}
