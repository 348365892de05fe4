package io.github.landmarkj.cli;

import io.github.landmarkj.detect.DetectorKind;
import picocli.CommandLine.Option;

/** {@code --detector}: the face detector, bundled or a folder. */
final class DetectorOption {
	@Option(names = "--detector", paramLabel = "NAME|DIR", defaultValue = DetectorKind.BUNDLED_NAME,
			description = "bundled face detector name or detector folder, default ${DEFAULT-VALUE}")
	String detector;
}
