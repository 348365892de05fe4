package io.github.landmarkj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.landmarkj.core.FaceBox;

class BoxFileTest {
	@TempDir
	Path tmp;

	@Test
	void groupsBoxesByImageInFileOrder() throws IOException {
		Path f = write("image,x,y,width,height\r\nz.jpg,1,2,30,40\r\na.png, 5.5 ,6,7,8\r\n\r\nz.jpg,0,0,10,10\r\n");
		Map<String, List<FaceBox>> boxes = BoxFile.read(f);
		assertEquals(Arrays.asList("z.jpg", "a.png"), new ArrayList<>(boxes.keySet()));
		assertEquals(2, boxes.get("z.jpg").size());
		FaceBox b = boxes.get("z.jpg").get(0);
		assertEquals(1, b.x);
		assertEquals(2, b.y);
		assertEquals(30, b.width);
		assertEquals(40, b.height);
		assertEquals(1.0, b.score);
		assertEquals(5.5, boxes.get("a.png").get(0).x);
		assertEquals(10, boxes.get("z.jpg").get(1).width);
	}

	@Test
	void reportsLineOfBadRow() throws IOException {
		Path f = write("image,x,y,width,height\na.jpg,1,2,3,4\na.jpg,1,2,-3,4\n");
		MalformedFileException e = assertThrows(MalformedFileException.class, () -> BoxFile.read(f));
		assertEquals(3, e.line());
		assertTrue(e.getMessage().contains("positive"), e.getMessage());

		Path g = write("image,x,y,width,height\na.jpg,1,two,3,4\n");
		MalformedFileException e2 = assertThrows(MalformedFileException.class, () -> BoxFile.read(g));
		assertEquals(2, e2.line());
		assertTrue(e2.getMessage().contains("'y'") && e2.getMessage().contains("two"), e2.getMessage());

		Path h = write("image,x,y,width,height\na.jpg,1,2,3\n");
		assertEquals(2, assertThrows(MalformedFileException.class, () -> BoxFile.read(h)).line());
	}

	@Test
	void reportsMissingColumn() throws IOException {
		Path f = write("image,x,y,w,h\na.jpg,1,2,3,4\n");
		MalformedFileException e = assertThrows(MalformedFileException.class, () -> BoxFile.read(f));
		assertEquals(1, e.line());
		assertTrue(e.getMessage().contains("'width'"), e.getMessage());
	}

	private Path write(String content) throws IOException {
		Path f = Files.createTempFile(tmp, "boxes", ".csv");
		Files.write(f, content.getBytes(StandardCharsets.UTF_8));
		return f;
	}

	@Test
	void aRowRepeatingAnotherIsRefusedWithBothLines() throws IOException {
		Path f = write("image,x,y,width,height\na.png,1,2,30,40\nb.png,1,2,30,40\na.png,1.0,2,30,40\n");
		MalformedFileException e = org.junit.jupiter.api.Assertions.assertThrows(MalformedFileException.class, () -> BoxFile.read(f));
		assertTrue(e.getMessage().contains("4") && e.getMessage().contains("repeats the box of line 2 for a.png (the same face twice)"),
				e.getMessage());
	}

	@Test
	void aByteOrderMarkWindowsLineEndsAndUnicodeNamesWithSpacesAreRead() throws IOException {
		Path f = write("\uFEFFimage,x,y,width,height\r\nphoto \u00e9t\u00e9 1.png,1,2,30,40\r\n\u5199\u771f.jpg,3,4,50,60\r\n");
		Map<String, List<FaceBox>> boxes = BoxFile.read(f);
		assertEquals(Arrays.asList("photo \u00e9t\u00e9 1.png", "\u5199\u771f.jpg"), new ArrayList<>(boxes.keySet()));
		assertEquals(60, boxes.get("\u5199\u771f.jpg").get(0).height);
	}
}
