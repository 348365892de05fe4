package io.github.landmarkj.video;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.RgbImage;

import java.util.List;

/** The landmarks of the faces in the given regions of a frame, in the order of the regions (the landmark network, in practice). */
@FunctionalInterface
public interface LandmarkEstimator {
	List<Landmarks> estimate(RgbImage frame, List<FaceBox> regions);
}
