package io.github.landmarkj.cli;

import io.github.landmarkj.detect.DetectorKind;
import picocli.CommandLine.Option;

/** {@code --detector}: the face detector, bundled or a folder; {@code --confirm-faces}: a second detector confirms each face. */
final class DetectorOption {
	@Option(names = "--detector", paramLabel = "NAME|DIR", defaultValue = DetectorKind.BUNDLED_NAME,
			description = "bundled face detector name or detector folder, default ${DEFAULT-VALUE}")
	String detector;

	@Option(names = "--confirm-faces", description = "keep only the faces a second detector (the bundled " + DetectorKind.CONFIRMING_NAME
			+ ", run on the whole image) confirms: fewer false detections (hands, masks, animals; 13 to 2 on the AFW photos, whose "
			+ "figures chose its threshold), a few small or turned faces lost, about 0.1 s more per image; off by default")
	boolean confirmFaces;
}
