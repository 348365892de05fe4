package io.github.landmarkj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoKeypointReaderTest {
	@TempDir
	Path tmp;

	@Test
	void reads300w() throws IOException {
		Path json = TestData.path("format-samples/300w/test_300w.json");
		List<AnnotatedFace> faces = CocoKeypointReader.read(json);
		assertEquals(2, faces.size());
		AnnotatedFace first = faces.get(0);
		assertEquals(68, first.size());
		assertEquals(68, faces.get(1).size());
		assertEquals(268.0, first.points().get(0).x, 1e-9);
		assertEquals(398.882, first.points().get(0).y, 1e-9);
		assertEquals(json.getParent().resolve("indoor_029.png"), first.image());
		assertTrue(Files.exists(first.image()));
		assertEquals("indoor_029.png#197", first.id());
		assertEquals(json.getParent().resolve("indoor_020.png"), faces.get(1).image());
		assertEquals(70.0, faces.get(1).points().get(0).x, 1e-9);
		// The file writes v=1 everywhere and never v=2: no visibility information, so nothing is occluded.
		for (AnnotatedFace f : faces) {
			for (int i = 0; i < f.size(); i++) {
				assertFalse(f.occluded(i));
			}
		}
	}

	@Test
	void readsCofwVisibility() throws IOException {
		List<AnnotatedFace> faces = CocoKeypointReader.read(TestData.path("format-samples/cofw/test_cofw.json"));
		assertEquals(2, faces.size());
		assertEquals(29, faces.get(0).size());
		assertEquals(6, countOccluded(faces.get(0)));
		assertEquals(9, countOccluded(faces.get(1)));
		assertEquals(46.562534549474826, faces.get(0).points().get(0).x, 1e-12);
		assertFalse(faces.get(0).occluded(0));
	}

	@Test
	void readsWflwWithSeveralFacesPerImage() throws IOException {
		Path json = TestData.path("format-samples/wflw/test_wflw.json");
		List<AnnotatedFace> faces = CocoKeypointReader.read(json);
		assertEquals(4, faces.size());
		for (AnnotatedFace f : faces) {
			assertEquals(98, f.size());
		}
		Path cheering = json.getParent().resolve("7_Cheering_Cheering_7_16.jpg");
		assertEquals(3, faces.stream().filter(f -> f.image().equals(cheering)).count());
	}

	@Test
	void resolvesImagesInSubfolders() throws IOException {
		Path json = TestData.path("format-samples/300vw/anno_300vw.json");
		List<AnnotatedFace> faces = CocoKeypointReader.read(json);
		assertEquals(3, faces.size());
		assertEquals(json.getParent().resolve("401/imgs/000732.jpg"), faces.get(2).image());
		assertTrue(Files.exists(faces.get(2).image()));
		assertEquals(743.224, faces.get(0).points().get(0).x, 1e-9);
	}

	@Test
	void marksOneAndZeroOccludedWhenFileUsesTwoForVisible() throws IOException {
		Path json = write("{\"images\":[{\"id\":1,\"file_name\":\"a.png\"}],"
				+ "\"annotations\":[{\"id\":5,\"image_id\":1,\"keypoints\":[1,2,2, 3,4,1, 0,0,0]}]}");
		List<AnnotatedFace> faces = CocoKeypointReader.read(json);
		assertEquals(1, faces.size());
		AnnotatedFace f = faces.get(0);
		assertFalse(f.occluded(0));
		assertTrue(f.occluded(1));
		assertTrue(f.occluded(2));
		assertEquals(3.0, f.points().get(1).x);
	}

	@Test
	void skipsAnnotationsWithoutLabelledPoints() throws IOException {
		Path json = write("{\"images\":[{\"id\":1,\"file_name\":\"a.png\"}],"
				+ "\"annotations\":[{\"id\":5,\"image_id\":1,\"keypoints\":[0,0,0, 0,0,0]},"
				+ "{\"id\":6,\"image_id\":1,\"keypoints\":[1,1,2, 2,2,2]}]}");
		List<AnnotatedFace> faces = CocoKeypointReader.read(json);
		assertEquals(1, faces.size());
		assertEquals("a.png#6", faces.get(0).id());
	}

	@Test
	void explainsBadFiles() throws IOException {
		Path unknownImage = write("{\"images\":[],\"annotations\":[{\"id\":5,\"image_id\":9,\"keypoints\":[1,2,2]}]}");
		assertTrue(assertThrows(MalformedFileException.class, () -> CocoKeypointReader.read(unknownImage))
				.getMessage().contains("image_id 9"));
		Path notTriples = write("{\"images\":[{\"id\":1,\"file_name\":\"a.png\"}],"
				+ "\"annotations\":[{\"id\":5,\"image_id\":1,\"keypoints\":[1,2]}]}");
		assertTrue(assertThrows(MalformedFileException.class, () -> CocoKeypointReader.read(notTriples))
				.getMessage().contains("triples"));
		Path notJson = write("{ this is not json");
		assertTrue(assertThrows(MalformedFileException.class, () -> CocoKeypointReader.read(notJson))
				.getMessage().contains("not valid JSON"));
		Path noAnnotations = write("{\"images\":[]}");
		assertTrue(assertThrows(MalformedFileException.class, () -> CocoKeypointReader.read(noAnnotations))
				.getMessage().contains("'annotations'"));
	}

	private static int countOccluded(AnnotatedFace f) {
		int n = 0;
		for (int i = 0; i < f.size(); i++) {
			n += f.occluded(i) ? 1 : 0;
		}
		return n;
	}

	private Path write(String content) throws IOException {
		Path f = Files.createTempFile(tmp, "coco", ".json");
		Files.write(f, content.getBytes(StandardCharsets.UTF_8));
		return f;
	}
}
