package io.github.landmarkj.command;

import io.github.landmarkj.io.PtsFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluateLandmarkModelCommandTest {
	@TempDir
	Path modelDir;
	@TempDir
	Path data;
	@TempDir
	Path out;

	@Test
	void writesMetricsCedAndPredictions() throws Exception {
		for (int k = 0; k < 2; k++) {
			Files.copy(TestImages.demoPhoto(), data.resolve("face" + k + ".png"));
			PtsFormat.write(data.resolve("face" + k + ".pts"), TestImages.ellipse68(k, 0), false);
		}
		Context context = new Context();
		try {
			CommandModule m = Commands.run(context, EvaluateLandmarkModelCommand.class, "data_folder", data.toString(), "model",
					TestModels.untrained(modelDir).toString(), "output_folder", out.toString(), "device", "cpu");
			assertFalse(m.isCanceled(), m.getCancelReason());
			assertTrue(((String) m.getOutput("summary")).contains("2 faces"), (String) m.getOutput("summary"));
			assertTrue(Files.readString(out.resolve("metrics.json")).contains("\"nme_inter_ocular\""));
			assertTrue(Files.size(out.resolve("ced.png")) > 1000);
			assertEquals(1 + 2 * 68, Files.readAllLines(out.resolve("predictions.csv")).size());

			CommandModule again = Commands.run(context, EvaluateLandmarkModelCommand.class, "data_folder", data.toString(), "model",
					modelDir.toString(), "output_folder", out.toString(), "device", "cpu");
			assertTrue(again.isCanceled(), "existing report files are kept");
		} finally {
			context.dispose();
		}
	}
}
