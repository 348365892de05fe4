package io.github.landmarkj.train;

import io.github.landmarkj.core.LoadedFace;
import io.github.landmarkj.eval.ValidationSplit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;

class TrainingDataTest {
	@Test
	void theTrainingRecordNamesTheFoldersTheSplitAndTheCounts() {
		LoadedFace face = new LoadedFace("f", RgbImage.fromGrey(4, 4, new float[16]), Collections.singletonList(new Point2(1, 2)));
		TrainingData data = TrainingData.of(Arrays.asList(face, face), Collections.singletonList(face));
		Path a = Paths.get("faces", "lfpw"), b = Paths.get("faces", "helen");
		JsonObject r = data.record(Arrays.asList(a, b), new ValidationSplit(8));
		assertEquals(2, r.getAsJsonArray("data").size());
		assertEquals(a.toString(), r.getAsJsonArray("data").get(0).getAsString());
		assertEquals(b.toString(), r.getAsJsonArray("data").get(1).getAsString());
		assertEquals("every 8th photo (sorted by file name) of each folder", r.get("validation_split").getAsString());
		assertEquals(2, r.get("training_faces").getAsInt());
		assertEquals(1, r.get("validation_faces").getAsInt());
	}
}
