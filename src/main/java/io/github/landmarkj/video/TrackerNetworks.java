package io.github.landmarkj.video;

import ai.djl.Device;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.detect.DetectorSettings;
import io.github.landmarkj.detect.FaceFinder;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.TestTimeAugmentation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The networks a video needs, opened once: the landmark model and the face detector (with the landmark passes
 * that refine its boxes), and the head-pose fit for the model's scheme. Makes {@link FaceTracker}s. Not
 * thread-safe (networks); close when done.
 */
public final class TrackerNetworks implements AutoCloseable {
	private final LandmarkDetector landmarks;
	private final FaceFinder finder;

	private TrackerNetworks(LandmarkDetector landmarks, FaceFinder finder) {
		this.landmarks = landmarks;
		this.finder = finder;
	}

	/** @param model a bundled model's name or a model folder */
	public static TrackerNetworks open(String model, DetectorSettings detection, Device device) throws IOException {
		return open(model, detection, device, TestTimeAugmentation.NONE);
	}

	/**
	 * @param model a bundled model's name or a model folder
	 * @param augmentation {@link TestTimeAugmentation#FLIP}: every landmark pass also runs the mirrored crop (about twice the time)
	 */
	public static TrackerNetworks open(String model, DetectorSettings detection, Device device, TestTimeAugmentation augmentation)
			throws IOException {
		LandmarkDetector landmarks = LandmarkDetector.open(model, device, augmentation);
		try {
			return new TrackerNetworks(landmarks, detection.open(landmarks, device));
		} catch (IOException | RuntimeException e) {
			landmarks.close();
			throw e;
		}
	}

	public LandmarkScheme scheme() {
		return landmarks.modelPackage().spec().scheme;
	}

	/** The head-pose fit of the model's scheme, or null when there is no 3-D mean face for it. */
	public HeadPoseEstimator poses() {
		return HeadPoseEstimator.forScheme(scheme());
	}

	/** "bundled:face68" or a folder. */
	public String modelOrigin() {
		return landmarks.origin();
	}

	public String detectorOrigin() {
		return finder.origin();
	}

	/** A tracker for one video. */
	public FaceTracker tracker(TrackerSettings settings) {
		return new FaceTracker(locator(), estimator(), poses(), settings);
	}

	/** The face detector with its box refinement. */
	public FaceLocator locator() {
		return finder::boxes;
	}

	/** The landmark network on a frame's regions, as one batch. */
	public LandmarkEstimator estimator() {
		return (image, regions) -> {
			List<Landmarks> out = new ArrayList<>(regions.size());
			for (FaceResult r : landmarks.detect(image, regions)) {
				out.add(r.landmarks());
			}
			return out;
		};
	}

	@Override
	public void close() {
		try {
			finder.close();
		} finally {
			landmarks.close();
		}
	}
}
