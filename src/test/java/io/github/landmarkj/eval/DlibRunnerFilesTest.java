package io.github.landmarkj.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.io.MalformedFileException;
import io.github.landmarkj.io.PtsFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlibRunnerFilesTest {
	@TempDir
	Path tmp;

	/** The header dlib_landmarks.cpp writes. */
	private static String resultHeader() {
		StringBuilder h = new StringBuilder("face,image,predictor_ms,predictor_cpu_ms,grey_ms");
		for (String axis : new String[] {"x", "y"}) {
			for (int i = 0; i < 68; i++) {
				h.append(',').append(axis).append(i);
			}
		}
		return h.toString();
	}

	/** A row whose point i is at (x0 + i, y0 + 2i). */
	private static String resultRow(int face, String image, int x0, int y0) {
		StringBuilder r = new StringBuilder(face + "," + image + ",1.2500,1.2000,0.3000");
		for (int i = 0; i < 68; i++) {
			r.append(',').append(x0 + i);
		}
		for (int i = 0; i < 68; i++) {
			r.append(',').append(y0 + 2 * i);
		}
		return r.toString();
	}

	private Path write(String name, String text) throws IOException {
		Path f = tmp.resolve(name);
		Files.writeString(f, text, StandardCharsets.UTF_8);
		return f;
	}

	@Test
	void requestsHoldAbsolutePathsQuotedWhenNeededAndExactBoxes() throws IOException {
		Path plain = tmp.resolve("a.jpg"), comma = tmp.resolve("b, c.jpg");
		Path file = tmp.resolve("faces.csv");
		DlibRunnerFiles.writeRequests(file, List.of(new DlibRunnerFiles.Request(plain, new FaceBox(10.25, 20.5, 100.125, 90)),
				new DlibRunnerFiles.Request(comma, new FaceBox(0, 1, 2, 3))));
		List<String> lines = Files.readAllLines(file);
		assertEquals(List.of("image,x,y,width,height", plain.toAbsolutePath() + ",10.250000,20.500000,100.125000,90.000000",
				"\"" + comma.toAbsolutePath() + "\",0.000000,1.000000,2.000000,3.000000"), lines);
		assertEquals(comma.toAbsolutePath().toString(), DlibRunnerFiles.split(lines.get(2)).get(0));
	}

	@Test
	void resultsAreReadByColumnNameWithoutShiftingAnyCoordinate() throws IOException {
		Path f = write("out.csv", resultHeader() + "\n" + resultRow(3, "\"/x/a,b.jpg\"", 100, 50) + "\n\n" + resultRow(0, "/x/c.jpg", 7, 9) + "\n");
		List<DlibRunnerFiles.Result> results = DlibRunnerFiles.readResults(f);
		assertEquals(2, results.size());
		DlibRunnerFiles.Result first = results.get(0);
		assertEquals(3, first.face());
		assertEquals(1.25, first.predictorMillis(), 1e-12);
		assertEquals(1.2, first.predictorCpuMillis(), 1e-12);
		assertEquals(0.3, first.greyMillis(), 1e-12);
		assertEquals(68, first.points().size());
		assertEquals(new Point2(100, 50), first.points().get(0));
		assertEquals(new Point2(167, 184), first.points().get(67));
		assertEquals(0, results.get(1).face());
		assertEquals(new Point2(7 + 36, 9 + 72), results.get(1).points().get(36));
	}

	@Test
	void dlibPointOnTheSamePixelAsA1BasedPtsPointHasZeroError() throws IOException {
		// 300-W .pts are 1-based: the pixel dlib calls (x, y) is (x + 1, y + 1) in a .pts file.
		StringBuilder pts = new StringBuilder("version: 1\nn_points: 68\n{\n");
		for (int i = 0; i < 68; i++) {
			pts.append(101 + i).append(' ').append(51 + 2 * i).append('\n');
		}
		List<Point2> truth = PtsFormat.read(write("face.pts", pts.append("}\n").toString()));
		List<Point2> dlib = DlibRunnerFiles.readResults(write("out.csv", resultHeader() + "\n" + resultRow(0, "a.jpg", 100, 50) + "\n"))
				.get(0).points();
		Metrics metrics = new Metrics(LandmarkScheme.ibug68());
		assertEquals(0, metrics.nmeInterOcular(dlib, truth), 1e-12);
		List<Point2> shifted = new ArrayList<>();
		for (Point2 p : dlib) {
			shifted.add(new Point2(p.x + 1, p.y + 1));
		}
		assertTrue(metrics.nmeInterOcular(shifted, truth) > 0.01, "a 1-pixel shift must show");
	}

	@Test
	void malformedResultsNameTheProblem() throws IOException {
		MalformedFileException missing = assertThrows(MalformedFileException.class,
				() -> DlibRunnerFiles.readResults(write("a.csv", resultHeader().replace(",y67", "") + "\n")));
		assertTrue(missing.getMessage().contains("y67"), missing.getMessage());
		MalformedFileException notANumber = assertThrows(MalformedFileException.class,
				() -> DlibRunnerFiles.readResults(write("b.csv", resultHeader() + "\n" + resultRow(0, "a.jpg", 1, 1).replace(",1.2500,", ",fast,"))));
		assertEquals(2, notANumber.line());
		assertTrue(notANumber.getMessage().contains("'fast'"), notANumber.getMessage());
		MalformedFileException shortRow = assertThrows(MalformedFileException.class,
				() -> DlibRunnerFiles.readResults(write("c.csv", resultHeader() + "\n0,a.jpg,1,1,1\n")));
		assertEquals(2, shortRow.line());
		assertThrows(MalformedFileException.class, () -> DlibRunnerFiles.readResults(write("d.csv", "")));
		MalformedFileException fraction = assertThrows(MalformedFileException.class,
				() -> DlibRunnerFiles.readResults(write("e.csv", resultHeader() + "\n" + resultRow(0, "a.jpg", 1, 1).replaceFirst("^0,", "0.5,"))));
		assertTrue(fraction.getMessage().contains("whole number"), fraction.getMessage());
	}

	@Test
	void detectionsAreGroupedByImage() throws IOException {
		Path f = write("det.csv", "image,x,y,width,height,score\n/p/a.jpg,94,94,179,179,1.0220\n/p/b.jpg,1,2,3,4,0.5\n/p/a.jpg,10,20,30,30,0.1\n");
		Map<Path, List<FaceBox>> d = DlibRunnerFiles.readDetections(f);
		assertEquals(2, d.size());
		List<FaceBox> a = d.get(Path.of("/p/a.jpg"));
		assertEquals(2, a.size());
		assertEquals(94, a.get(0).x, 0);
		assertEquals(179, a.get(0).height, 0);
		assertEquals(1.022, a.get(0).score, 1e-12);
		assertEquals(30, a.get(1).width, 0);
		assertEquals(4, d.get(Path.of("/p/b.jpg")).get(0).height, 0);
		MalformedFileException empty = assertThrows(MalformedFileException.class,
				() -> DlibRunnerFiles.readDetections(write("bad.csv", "image,x,y,width,height,score\n/p/a.jpg,1,2,0,4,0.5\n")));
		assertEquals(2, empty.line());
	}

	@Test
	void quotingRoundTrips() {
		for (String s : List.of("plain", "a,b", "say \"x\"", "")) {
			assertEquals(List.of(s, "next"), DlibRunnerFiles.split(DlibRunnerFiles.quote(s) + ",next"));
		}
	}
}
