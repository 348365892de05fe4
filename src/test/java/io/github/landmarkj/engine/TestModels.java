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
		NetConfig config = NetConfig.builder().inputSize(64).landmarks(68).stemChannels(8).encoderChannels(8, 16).bottleneckChannels(16)
				.decoderChannels(8).occlusionChannels(4).alpha(0.25).attentionChannels(4).build();
		ModelPackage<LandmarkSpec> pkg = LandmarkKind.newFace68(config).withName("tiny");
		try (LandmarkModel model = LandmarkModel.create(config, Device.cpu())) {
			Path weights = folder.resolve("weights.params");
			model.saveWeights(weights);
			pkg.withWeights(WeightsRecord.of(weights)).write(folder);
		}
		return folder;
	}
}
