package io.github.landmarkj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.landmarkj.core.Point2;

class PtsFormatTest {
	@TempDir
	Path tmp;

	@Test
	void readsLfpwFileAsZeroBased() throws IOException {
		List<Point2> p = PtsFormat.read(TestData.path("face68/train/lfpw/image_0001.pts"));
		assertEquals(68, p.size());
		assertEquals(93.168, p.get(0).x, 1e-9);
		assertEquals(107.808, p.get(0).y, 1e-9);
		assertEquals(94.165, p.get(1).x, 1e-9);
		assertEquals(132.721, p.get(1).y, 1e-9);
	}

	@Test
	void toleratesCrlfAndExtraWhitespace() throws IOException {
		Path f = write("  version: 1\r\n\r\nn_points:   2 \r\n{\r\n  1.5\t 2.5  \r\n\r\n10 20\r\n}\r\n");
		assertEquals(Arrays.asList(new Point2(0.5, 1.5), new Point2(9, 19)), PtsFormat.read(f));
	}

	@Test
	void reportsTooFewPointsWithCounts() throws IOException {
		Path f = write("version: 1\nn_points: 3\n{\n1 2\n3 4\n}\n");
		MalformedFileException e = assertThrows(MalformedFileException.class, () -> PtsFormat.read(f));
		assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("n_points: 3") && e.getMessage().contains("2 points"), e.getMessage());
		assertEquals(6, e.line());
	}

	@Test
	void reportsBadPointLine() throws IOException {
		Path f = write("version: 1\nn_points: 2\n{\n1 2\n3 x\n}\n");
		MalformedFileException e = assertThrows(MalformedFileException.class, () -> PtsFormat.read(f));
		assertEquals(5, e.line());
		assertTrue(e.getMessage().contains("line 5") && e.getMessage().contains("3 x"), e.getMessage());
	}

	@Test
	void reportsTooManyPointsAndMissingBrace() throws IOException {
		Path tooMany = write("n_points: 1\n{\n1 2\n3 4\n}\n");
		assertEquals(4, assertThrows(MalformedFileException.class, () -> PtsFormat.read(tooMany)).line());
		Path truncated = write("n_points: 2\n{\n1 2\n3 4\n");
		assertTrue(assertThrows(MalformedFileException.class, () -> PtsFormat.read(truncated)).getMessage()
				.contains("truncated"));
	}

	@Test
	void rejectsFileThatIsNotPts() throws IOException {
		Path f = write("x,y\n1,2\n");
		MalformedFileException e = assertThrows(MalformedFileException.class, () -> PtsFormat.read(f));
		assertEquals(1, e.line());
	}

	@Test
	void roundTripsThroughOneBasedFile() throws IOException {
		List<Point2> points = Arrays.asList(new Point2(0, 0), new Point2(93.168, 107.808), new Point2(-1.5, 2.25));
		Path f = tmp.resolve("sub/face.pts");
		PtsFormat.write(f, points, false);
		List<String> lines = Files.readAllLines(f);
		assertEquals(Arrays.asList("version: 1", "n_points: 3", "{", "1.000 1.000", "94.168 108.808", "-0.500 3.250", "}"),
				lines);
		List<Point2> back = PtsFormat.read(f);
		for (int i = 0; i < points.size(); i++) {
			assertEquals(points.get(i).x, back.get(i).x, 1e-9);
			assertEquals(points.get(i).y, back.get(i).y, 1e-9);
		}
	}

	@Test
	void refusesToOverwriteUnlessAsked() throws IOException {
		Path f = tmp.resolve("face.pts");
		PtsFormat.write(f, Arrays.asList(new Point2(1, 1)), false);
		IOException e = assertThrows(FileAlreadyExistsException.class,
				() -> PtsFormat.write(f, Arrays.asList(new Point2(5, 5)), false));
		assertTrue(e.getMessage().contains("file exists"), e.getMessage());
		assertEquals(new Point2(1, 1), PtsFormat.read(f).get(0));
		PtsFormat.write(f, Arrays.asList(new Point2(5, 5)), true);
		assertEquals(new Point2(5, 5), PtsFormat.read(f).get(0));
	}

	private Path write(String content) throws IOException {
		Path f = Files.createTempFile(tmp, "t", ".pts");
		Files.write(f, content.getBytes(StandardCharsets.UTF_8));
		return f;
	}
}
