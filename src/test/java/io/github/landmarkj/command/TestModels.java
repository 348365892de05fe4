package io.github.landmarkj.command;

import ai.djl.Device;
import io.github.landmarkj.engine.LandmarkModel;
import io.github.landmarkj.engine.LandmarkKind;
import io.github.landmarkj.engine.LandmarkSpec;
import io.github.landmarkj.engine.ModelPackage;
import io.github.landmarkj.engine.WeightsRecord;
import io.github.landmarkj.net.NetConfig;

import java.io.IOException;
import java.nio.file.Path;

/** Untrained model folders: the commands' behaviour does not depend on the weights. */
final class TestModels {
	private TestModels() {
	}

	/** Writes an untrained face68 model (model.json + weights.params) into {@code dir}. */
	static Path untrained(Path dir) throws IOException {
		NetConfig config = NetConfig.defaultFace68();
		ModelPackage<LandmarkSpec> pkg = LandmarkKind.newFace68(config);
		try (LandmarkModel model = LandmarkModel.create(config, Device.cpu())) {
			model.saveWeights(dir.resolve("weights.params"));
		}
		pkg.withWeights(WeightsRecord.of(dir.resolve("weights.params"))).write(dir);
		return dir;
	}
}
