package io.github.landmarkj.engine;

import ai.djl.Device;
import io.github.landmarkj.net.NetConfig;

import java.io.IOException;
import java.nio.file.Path;

/** Small untrained model folders for tests of plumbing (files, shapes, counts), not of accuracy. */
public final class TestModels {
	private TestModels() {
	}

	/** A 68-point model with a tiny network (input 64), written to {@code folder}. */
	public static Path untrainedFace68(Path folder) throws IOException {
		NetConfig config = new NetConfig(64, 68, 8, new int[] {8, 16}, 16, new int[] {8}, 4, 0.25, 4);
		ModelPackage<LandmarkSpec> pkg = LandmarkKind.newFace68(config).withName("tiny");
		try (LandmarkModel model = LandmarkModel.create(config, Device.cpu())) {
			Path weights = folder.resolve("weights.params");
			model.saveWeights(weights);
			pkg.withWeights(WeightsRecord.of(weights)).write(folder);
		}
		return folder;
	}
}
