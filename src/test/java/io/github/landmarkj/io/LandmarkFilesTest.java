package io.github.landmarkj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.MeanFace3D;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.SimilarityTransform;

class LandmarkFilesTest {
	private static final LandmarkScheme SCHEME = LandmarkScheme.ibug68();

	@TempDir
	Path tmp;

	@Test
	void csvHasDocumentedLayoutAndRoundTrips() throws IOException {
		List<FaceResult> faces = Arrays.asList(face(0, 10), face(1, 200));
		Path f = tmp.resolve("a.csv");
		LandmarkFiles.writeCsv(f, "my, photo.jpg", faces, SCHEME, false);
		List<String> lines = Files.readAllLines(f);
		assertEquals("image,face,point,name,x,y,confidence,occluded,pitch,yaw,roll", lines.get(0));
		assertEquals(1 + 2 * 68, lines.size());
		assertTrue(lines.get(1).startsWith("\"my, photo.jpg\",1,1,jaw_1,10.000,20.500,0.500,0,"), lines.get(1));
		assertTrue(lines.get(1 + 68 + 2).startsWith("\"my, photo.jpg\",2,3,jaw_3,202.123,210.500,0.520,1,"), lines.get(1 + 68 + 2));

		Map<String, List<FaceResult>> back = LandmarkFiles.readCsv(f);
		assertEquals(Collections.singleton("my, photo.jpg"), back.keySet());
		List<FaceResult> read = back.get("my, photo.jpg");
		assertEquals(2, read.size());
		for (int k = 0; k < 2; k++) {
			Landmarks want = faces.get(k).landmarks(), got = read.get(k).landmarks();
			assertEquals(k, read.get(k).index());
			for (int i = 0; i < 68; i++) {
				assertEquals(want.point(i).x, got.point(i).x, 5e-4);
				assertEquals(want.point(i).y, got.point(i).y, 5e-4);
				assertEquals(want.confidence(i), got.confidence(i), 5e-4);
				assertEquals(want.occluded(i), got.occluded(i));
			}
		}
	}

	@Test
	void csvReaderNamesBadLine() throws IOException {
		Path f = tmp.resolve("bad.csv");
		Files.write(f, ("image,face,point,name,x,y,confidence,occluded\n" + "a.jpg,1,1,jaw_1,1,2,1,0\n"
				+ "a.jpg,1,3,jaw_3,1,2,1,0\n").getBytes(StandardCharsets.UTF_8));
		MalformedFileException e = assertThrows(MalformedFileException.class, () -> LandmarkFiles.readCsv(f));
		assertEquals(3, e.line());
	}

	@Test
	void jsonHasDocumentedStructure() throws IOException {
		Path f = tmp.resolve("a.json");
		LandmarkFiles.writeJson(f, "a.jpg", Arrays.asList(face(0, 10), face(1, 200)), SCHEME, false);
		JsonObject root = JsonParser.parseString(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals("a.jpg", root.get("image").getAsString());
		assertEquals("ibug68", root.get("scheme").getAsString());
		JsonArray faces = root.getAsJsonArray("faces");
		assertEquals(2, faces.size());
		JsonObject second = faces.get(1).getAsJsonObject();
		assertEquals(2, second.get("face").getAsInt());
		JsonObject box = second.getAsJsonObject("box");
		assertEquals(5.0, box.get("x").getAsDouble());
		assertEquals(40.0, box.get("width").getAsDouble());
		assertEquals(0.9, box.get("score").getAsDouble());
		JsonArray points = second.getAsJsonArray("points");
		assertEquals(68, points.size());
		JsonObject p3 = points.get(2).getAsJsonObject();
		assertEquals(3, p3.get("point").getAsInt());
		assertEquals("jaw_3", p3.get("name").getAsString());
		assertEquals(202.123, p3.get("x").getAsDouble());
		assertEquals(210.5, p3.get("y").getAsDouble());
		assertEquals(0.52, p3.get("confidence").getAsDouble());
		assertTrue(p3.get("occluded").getAsBoolean());
		assertFalse(points.get(0).getAsJsonObject().get("occluded").getAsBoolean());
	}

	@Test
	void poseOfTheFrontalMeanFaceIsZeroInCsvAndJson() throws IOException {
		Landmarks frontal = Landmarks.of(MeanFace3D.bundled().frontalProjection(100, 200, 150));
		Landmarks tilted = frontal.transformed(SimilarityTransform.translation(200, 150)
				.compose(SimilarityTransform.of(1, Math.toRadians(20), 0, 0)).compose(SimilarityTransform.translation(-200, -150)));
		List<FaceResult> faces = Arrays.asList(new FaceResult(0, frontal.boundingBox(), frontal), new FaceResult(1, tilted.boundingBox(), tilted));
		Path csv = tmp.resolve("p.csv"), json = tmp.resolve("p.json");
		LandmarkFiles.writeCsv(csv, "p.jpg", faces, SCHEME, false);
		LandmarkFiles.writeJson(json, "p.jpg", faces, SCHEME, false);
		List<String> lines = Files.readAllLines(csv);
		assertTrue(lines.get(1).endsWith(",0.0,0.0,0.0") || lines.get(1).matches(".*,-?0\\.0,-?0\\.0,-?0\\.0"), lines.get(1));
		assertTrue(lines.get(69).matches(".*,-?0\\.0,-?0\\.0,20\\.0"), lines.get(69));
		JsonObject pose = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("faces").get(1).getAsJsonObject()
				.getAsJsonObject("pose");
		assertEquals(0, pose.get("pitch").getAsDouble(), 0.051);
		assertEquals(0, pose.get("yaw").getAsDouble(), 0.051);
		assertEquals(20, pose.get("roll").getAsDouble(), 1e-9);
	}

	@Test
	void ptsNamesDependOnFaceCount() throws IOException {
		List<Path> one = LandmarkFiles.writePts(tmp, "img", Collections.singletonList(face(0, 10)), false);
		assertEquals(Collections.singletonList(tmp.resolve("img.pts")), one);
		assertEquals(new Point2(10, 20.5), PtsFormat.read(one.get(0)).get(0));

		List<Path> two = LandmarkFiles.writePts(tmp, "group", Arrays.asList(face(0, 10), face(1, 200)), false);
		assertEquals(Arrays.asList(tmp.resolve("group_1.pts"), tmp.resolve("group_2.pts")), two);
		assertEquals(200.0, PtsFormat.read(two.get(1)).get(0).x, 1e-9);

		assertTrue(LandmarkFiles.writePts(tmp, "none", Collections.emptyList(), false).isEmpty());
	}

	@Test
	void neverOverwritesUnlessAsked() throws IOException {
		List<FaceResult> faces = Arrays.asList(face(0, 10), face(1, 200));
		Path csv = tmp.resolve("a.csv"), json = tmp.resolve("a.json");
		LandmarkFiles.writeCsv(csv, "a.jpg", faces, SCHEME, false);
		LandmarkFiles.writeJson(json, "a.jpg", faces, SCHEME, false);
		byte[] csvBefore = Files.readAllBytes(csv);
		assertThrows(FileAlreadyExistsException.class,
				() -> LandmarkFiles.writeCsv(csv, "b.jpg", faces.subList(0, 1), SCHEME, false));
		assertThrows(FileAlreadyExistsException.class,
				() -> LandmarkFiles.writeJson(json, "b.jpg", faces, SCHEME, false));
		assertEquals(Arrays.toString(csvBefore), Arrays.toString(Files.readAllBytes(csv)));
		LandmarkFiles.writeCsv(csv, "b.jpg", faces.subList(0, 1), SCHEME, true);
		assertEquals(Collections.singleton("b.jpg"), LandmarkFiles.readCsv(csv).keySet());

		// The second target exists: nothing is written, not even the first file.
		Files.write(tmp.resolve("p_2.pts"), new byte[0]);
		assertThrows(FileAlreadyExistsException.class, () -> LandmarkFiles.writePts(tmp, "p", faces, false));
		assertFalse(Files.exists(tmp.resolve("p_1.pts")));
		assertEquals(2, LandmarkFiles.writePts(tmp, "p", faces, true).size());
	}

	@Test
	void rejectsSchemeMismatch() {
		FaceResult small = new FaceResult(0, new FaceBox(0, 0, 1, 1),
				Landmarks.of(Arrays.asList(new Point2(0, 0), new Point2(1, 1))));
		assertThrows(IllegalArgumentException.class,
				() -> LandmarkFiles.writeCsv(tmp.resolve("x.csv"), "a", Collections.singletonList(small), SCHEME, false));
	}

	/** 68 points at (offset + i, offset + 10.5), point 3 nudged by 0.1234 to test rounding; confidence 0.5 + 0.01 i; every 3rd occluded. */
	private static FaceResult face(int index, double offset) {
		List<Point2> p = new ArrayList<>();
		double[] c = new double[68];
		boolean[] o = new boolean[68];
		for (int i = 0; i < 68; i++) {
			p.add(new Point2(offset + i + (i == 2 ? 0.1234 : 0), offset + 10.5));
			c[i] = 0.5 + 0.01 * i;
			o[i] = i % 3 == 2;
		}
		return new FaceResult(index, new FaceBox(5, 6, 40, 50, 0.9), new Landmarks(p, c, o));
	}
}
