package io.github.landmarkj.cli;

import io.github.landmarkj.engine.TestTimeAugmentation;
import picocli.CommandLine.Option;

/** {@code --flip}: flip test-time averaging of the landmark network. */
final class FlipOption {
	@Option(names = "--flip", description = "also run each face's mirror image and average the heat maps: a little more accurate "
			+ "(face68 2.0.0: NME(io) 3.85%% -> 3.77%% on the validation faces), about twice the network's time")
	boolean flip;

	TestTimeAugmentation augmentation() {
		return TestTimeAugmentation.of(flip);
	}
}
