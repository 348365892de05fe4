package io.github.landmarkj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.io.JudgedBoxFile.JudgedBox;
import io.github.landmarkj.io.JudgedBoxFile.Verdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgedBoxFileTest {
	@TempDir
	Path tmp;

	@Test
	void readsBoxesAndVerdictsPerImage() throws IOException {
		Path f = write("image,x,y,width,height,verdict,what\nb.jpg,1,2,30,40,face,\"a poster, drawn\"\na.jpg,5,6,7,8,Not a face,hand\n"
				+ "b.jpg,0,0,10,10, unsure ,back of a head\n");
		Map<String, List<JudgedBox>> read = JudgedBoxFile.read(f);
		assertEquals(List.of("b.jpg", "a.jpg"), List.copyOf(read.keySet()));
		assertEquals(Verdict.FACE, read.get("b.jpg").get(0).verdict());
		assertEquals(30, read.get("b.jpg").get(0).box().width);
		assertEquals(2, read.get("b.jpg").get(0).box().y);
		assertEquals(Verdict.UNSURE, read.get("b.jpg").get(1).verdict());
		assertEquals(Verdict.NOT_A_FACE, read.get("a.jpg").get(0).verdict());
		assertEquals(5, read.get("a.jpg").get(0).box().x);
	}

	@Test
	void refusesAnUnknownVerdictNamingItsLine() throws IOException {
		Path f = write("image,x,y,width,height,verdict\na.jpg,1,2,3,4,face\na.jpg,1,2,3,4,maybe\n");
		MalformedFileException e = assertThrows(MalformedFileException.class, () -> JudgedBoxFile.read(f));
		assertEquals(3, e.line());
		assertTrue(e.getMessage().contains("'maybe'"), e.getMessage());
		assertNull(Verdict.ofLabel("faces"));
	}

	@Test
	void refusesAFileWithoutTheVerdictColumn() throws IOException {
		Path f = write("image,x,y,width,height\na.jpg,1,2,3,4\n");
		MalformedFileException e = assertThrows(MalformedFileException.class, () -> JudgedBoxFile.read(f));
		assertTrue(e.getMessage().contains("verdict"), e.getMessage());
	}

	@Test
	void theBundledAfwVerdictsAreReadable() throws IOException {
		Map<String, List<JudgedBox>> read = JudgedBoxFile.read(Path.of("models/face-detector/afw-unlisted-verdicts.csv"));
		long boxes = read.values().stream().mapToLong(List::size).sum();
		long nonFaces = read.values().stream().flatMap(List::stream).filter(j -> j.verdict() == Verdict.NOT_A_FACE).count();
		assertEquals(109, boxes);
		assertEquals(13, nonFaces);
	}

	private Path write(String text) throws IOException {
		Path f = tmp.resolve("judged.csv");
		Files.write(f, text.getBytes(StandardCharsets.UTF_8));
		return f;
	}
}
