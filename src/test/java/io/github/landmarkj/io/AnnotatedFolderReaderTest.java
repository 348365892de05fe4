package io.github.landmarkj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.landmarkj.core.Point2;

class AnnotatedFolderReaderTest {
	@TempDir
	Path tmp;

	@Test
	void readsAfw() throws IOException {
		Path afw = TestData.path("face68/train/afw");
		AnnotatedFolderReader.Result r = AnnotatedFolderReader.read(afw);
		assertEquals(337, r.faces().size());
		assertTrue(r.skipped().isEmpty(), r.skipped().toString());
		List<Path> images = new ArrayList<>();
		for (AnnotatedFace f : r.faces()) {
			assertEquals(68, f.size());
			images.add(f.image());
		}
		List<Path> sorted = new ArrayList<>(images);
		sorted.sort(null);
		assertEquals(sorted, images);
		AnnotatedFace first = r.faces().get(0);
		assertEquals("1051618982_1", first.id());
		assertEquals(PtsFormat.read(afw.resolve("1051618982_1.pts")), first.points());
	}

	@Test
	void readsCsvPointFilesRecursivelyAndReportsSkipped() throws IOException {
		Path sub = Files.createDirectories(tmp.resolve("set/sub"));
		touch(tmp.resolve("set/b.PNG"));
		text(tmp.resolve("set/b.csv"), "x,y,occluded\r\n1.5,2.5,0\r\n3,4,1\r\n");
		touch(sub.resolve("a.jpg"));
		text(sub.resolve("a.csv"), "x,y\n10,20\n30,40\n");
		touch(tmp.resolve("set/lonely.tif"));
		touch(tmp.resolve("set/broken.jpeg"));
		text(tmp.resolve("set/broken.csv"), "x,y\n1,oops\n");
		text(tmp.resolve("set/notes.txt"), "not an image");

		AnnotatedFolderReader.Result r = AnnotatedFolderReader.read(tmp.resolve("set"));
		assertEquals(2, r.faces().size());
		AnnotatedFace b = r.faces().get(0);
		assertEquals(tmp.resolve("set/b.PNG"), b.image());
		assertEquals("b", b.id());
		assertEquals(new Point2(1.5, 2.5), b.points().get(0));
		assertFalse(b.occluded(0));
		assertTrue(b.occluded(1));
		AnnotatedFace a = r.faces().get(1);
		assertEquals("sub/a", a.id());
		assertEquals(new Point2(30, 40), a.points().get(1));
		assertFalse(a.occluded(1));

		assertEquals(2, r.skipped().size());
		assertEquals(tmp.resolve("set/broken.jpeg"), r.skipped().get(0).image());
		assertTrue(r.skipped().get(0).reason().contains("oops"), r.skipped().get(0).reason());
		assertEquals(tmp.resolve("set/lonely.tif"), r.skipped().get(1).image());
		assertTrue(r.skipped().get(1).reason().contains("lonely.pts"), r.skipped().get(1).reason());
	}

	@Test
	void prefersPtsOverCsv() throws IOException {
		touch(tmp.resolve("f.jpg"));
		text(tmp.resolve("f.csv"), "x,y\n10,20\n");
		text(tmp.resolve("f.pts"), "version: 1\nn_points: 1\n{\n1 1\n}\n");
		AnnotatedFolderReader.Result r = AnnotatedFolderReader.read(tmp);
		assertEquals(new Point2(0, 0), r.faces().get(0).points().get(0));
	}

	@Test
	void rejectsMissingFolder() {
		IOException e = assertThrows(IOException.class, () -> AnnotatedFolderReader.read(tmp.resolve("nope")));
		assertTrue(e.getMessage().contains("nope"));
	}

	private static void touch(Path p) throws IOException {
		Files.write(p, new byte[] {1, 2, 3});
	}

	private static void text(Path p, String s) throws IOException {
		Files.write(p, s.getBytes(StandardCharsets.UTF_8));
	}
}
