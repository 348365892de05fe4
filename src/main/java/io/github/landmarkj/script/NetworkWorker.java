package io.github.landmarkj.script;

import io.github.landmarkj.detect.BoxRefinement;
import io.github.landmarkj.core.FaceAnalysis;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.detect.DetectorSettings;
import io.github.landmarkj.detect.FaceFinder;
import io.github.landmarkj.engine.Devices;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.TestTimeAugmentation;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * The networks one call of {@link LandmarkJService} uses: a landmark detector and, opened when a call
 * first needs it, the face finder that shares it for its first pass. Not thread-safe: the service's pool
 * lends a worker to one caller at a time.
 */
final class NetworkWorker implements AutoCloseable {
	private final LandmarkJOptions.NetworkChoice choice;
	private final LandmarkDetector landmarks;
	private FaceFinder finder;

	private NetworkWorker(LandmarkJOptions.NetworkChoice choice, LandmarkDetector landmarks) {
		this.choice = choice;
		this.landmarks = landmarks;
	}

	static NetworkWorker open(LandmarkJOptions.NetworkChoice choice) throws IOException {
		return new NetworkWorker(choice, LandmarkDetector.open(choice.model(), Devices.choose(choice.device()),
				TestTimeAugmentation.of(choice.flipAveraging())));
	}

	/** The faces on the given boxes, or on the face detector's boxes when {@code boxes} is null. */
	List<FaceAnalysis> analyse(RgbImage image, List<FaceBox> boxes) throws IOException {
		List<FaceBox> regions = boxes != null ? boxes : finder().boxes(image);
		return regions.isEmpty() ? Collections.emptyList() : landmarks.analyse(image, regions);
	}

	LandmarkDetector landmarks() {
		return landmarks;
	}

	/** The detector settings a worker opens for this choice. */
	static DetectorSettings detection(LandmarkJOptions.NetworkChoice choice) {
		return new DetectorSettings(choice.detector(), choice.scoreThreshold(), BoxRefinement.DEFAULT_PASSES).withFacesConfirmed(choice.confirmFaces());
	}

	private FaceFinder finder() throws IOException {
		if (finder == null) {
			// The first landmark pass uses this worker's landmark model, so both share the device.
			finder = detection(choice).open(landmarks, landmarks.device());
		}
		return finder;
	}

	@Override
	public void close() {
		try {
			if (finder != null) {
				finder.close();
			}
		} finally {
			landmarks.close();
		}
	}
}
