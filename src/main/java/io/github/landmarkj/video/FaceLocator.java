package io.github.landmarkj.video;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;

import java.util.List;

/** Where the faces of a frame are (the face detector, in practice): tight landmark boxes. */
@FunctionalInterface
public interface FaceLocator {
	List<FaceBox> find(RgbImage frame);
}
