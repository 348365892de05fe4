package io.github.landmarkj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;

class PointCsvFormatTest {
	@TempDir
	Path tmp;

	@Test
	void roundTrips() throws IOException {
		Path f = tmp.resolve("p.csv");
		PointCsvFormat.write(f, Arrays.asList(new Point2(1.25, 2), new Point2(3, 4.5)), new boolean[] {true, false}, false);
		Landmarks l = PointCsvFormat.read(f);
		assertEquals(Arrays.asList(new Point2(1.25, 2), new Point2(3, 4.5)), l.points());
		assertTrue(l.occluded(0));
		assertFalse(l.occluded(1));
		assertThrows(IOException.class,
				() -> PointCsvFormat.write(f, Arrays.asList(new Point2(0, 0)), new boolean[1], false));
	}

	@Test
	void acceptsBomAndReorderedColumns() throws IOException {
		Path f = tmp.resolve("p.csv");
		Files.write(f, "\uFEFFY, X\n2,1\n".getBytes(StandardCharsets.UTF_8));
		assertEquals(new Point2(1, 2), PointCsvFormat.read(f).point(0));
	}

	@Test
	void namesLineOfBadValue() throws IOException {
		Path f = tmp.resolve("p.csv");
		Files.write(f, "x,y,occluded\n1,2,0\n\n3,4,maybe\n".getBytes(StandardCharsets.UTF_8));
		MalformedFileException e = assertThrows(MalformedFileException.class, () -> PointCsvFormat.read(f));
		assertEquals(4, e.line());
		assertTrue(e.getMessage().contains("maybe"), e.getMessage());
	}

	@Test
	void requiresHeader() throws IOException {
		Path f = tmp.resolve("p.csv");
		Files.write(f, "1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
		MalformedFileException e = assertThrows(MalformedFileException.class, () -> PointCsvFormat.read(f));
		assertTrue(e.getMessage().contains("'x'"), e.getMessage());
	}
}
