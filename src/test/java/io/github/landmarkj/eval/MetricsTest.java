package io.github.landmarkj.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.landmarkj.core.LandmarkGroup;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.Point2;

class MetricsTest {
	private static final double EPS = 1e-12;
	private final Metrics metrics = new Metrics(LandmarkScheme.ibug68());

	/**
	 * A face whose outer eye corners (points 37 and 46, 1-based) are 10 px apart, scaled by {@code s}.
	 * Right eye 37..42 = (0,0),(1,-1),(2,-1),(3,0),(2,1),(1,1): centroid (1.5, 0); left eye the same
	 * shifted by 7: centroid (8.5, 0), so the inter-pupil distance is 7 s.
	 */
	private static List<Point2> truth(double s) {
		double[][] eye = {{0, 0}, {1, -1}, {2, -1}, {3, 0}, {2, 1}, {1, 1}};
		List<Point2> p = new ArrayList<>();
		for (int i = 0; i < 68; i++) {
			p.add(new Point2(s * (i * 0.5), s * (20 + i % 4)));
		}
		for (int k = 0; k < 6; k++) {
			p.set(36 + k, new Point2(s * eye[k][0], s * eye[k][1]));
			p.set(42 + k, new Point2(s * (eye[k][0] + 7), s * eye[k][1]));
		}
		return p;
	}

	private static List<Point2> shifted(List<Point2> points, double dx, double dy) {
		List<Point2> out = new ArrayList<>();
		for (Point2 p : points) {
			out.add(new Point2(p.x + dx, p.y + dy));
		}
		return out;
	}

	@Test
	void distancesFollowTheScheme() {
		assertEquals(10, metrics.interOcularDistance(truth(1)), EPS);
		assertEquals(7, metrics.interPupilDistance(truth(1)), EPS);
		assertEquals(20, metrics.interOcularDistance(truth(2)), EPS);
	}

	@Test
	void onePixelShiftWithTenPixelEyesIsTenPercent() {
		List<Point2> t = truth(1);
		assertEquals(0.1, metrics.nmeInterOcular(shifted(t, 1, 0), t), EPS);
		assertEquals(0.1, metrics.nmeInterOcular(shifted(t, 0.6, -0.8), t), EPS);
		assertEquals(1 / 7.0, metrics.nmeInterPupil(shifted(t, 0, 1), t), EPS);
		assertEquals(0, metrics.nmeInterOcular(t, t), EPS);
	}

	@Test
	void singlePointErrorIsAveragedOverAllPoints() {
		List<Point2> t = truth(2);
		List<Point2> p = new ArrayList<>(t);
		p.set(0, new Point2(t.get(0).x + 6.8, t.get(0).y));
		double[] e = metrics.pointErrors(p, t);
		assertEquals(0.34, e[0], EPS);
		assertEquals(0, e[1], EPS);
		assertEquals(0.005, metrics.nmeInterOcular(p, t), EPS);
		assertEquals(6.8 / 14 / 68, metrics.nmeInterPupil(p, t), EPS);
	}

	@Test
	void summaryOfTwoFaces() {
		// Face 1: every point off by 1.2 px, io 10 -> NME 0.12. Face 2: one point off by 6.8 px, io 20 -> 0.005.
		List<Point2> t1 = truth(1), t2 = truth(2);
		List<Point2> p1 = shifted(t1, 0.72, 0.96);
		List<Point2> p2 = new ArrayList<>(t2);
		p2.set(0, new Point2(t2.get(0).x, t2.get(0).y - 6.8));
		EvaluationSummary s = metrics.evaluate(Arrays.asList(p1, p2), Arrays.asList(t1, t2));

		assertEquals(2, s.count());
		assertEquals(0.12, s.faceNmeInterOcular()[0], EPS);
		assertEquals(0.005, s.faceNmeInterOcular()[1], EPS);
		assertEquals((0.12 + 0.005) / 2, s.meanNmeInterOcular(), EPS);
		assertEquals((1.2 / 7 + 6.8 / 14 / 68) / 2, s.meanNmeInterPupil(), EPS);
		assertEquals(0.5, s.failureRate8(), EPS);
		assertEquals(0.5, s.failureRate10(), EPS);
		assertEquals(0.0, s.failureRate(0.2), EPS);
		// Only 0.005 is under the thresholds: (t - 0.005) / (2 t).
		assertEquals(0.075 / 0.16, s.auc8(), EPS);
		assertEquals(0.095 / 0.2, s.auc10(), EPS);
		double[] perPoint = s.pointNmeInterOcular();
		assertEquals(68, perPoint.length);
		assertEquals((0.12 + 0.34) / 2, perPoint[0], EPS);
		assertEquals(0.06, perPoint[1], EPS);
		assertEquals(0.06, perPoint[67], EPS);
	}

	@Test
	void aucIsExactAreaUnderStepCurve() {
		// CED is 1/2 on [0, 0.04) and 1 on [0.04, 0.08]: area 0.02 + 0.04 = 0.06, / 0.08 = 0.75.
		EvaluationSummary s = summary(0, 0.04);
		assertEquals(0.75, s.auc(0.08), EPS);
		assertEquals(0.0, s.failureRate8(), EPS);
		// Errors at or above the threshold contribute nothing.
		assertEquals(0.0, summary(0.08, 0.5).auc8(), EPS);
		assertEquals(1.0, summary(0, 0, 0).auc10(), EPS);
		// 0.02 and 0.05 of four faces, two failing: (0.08 + 0.05) / (4 * 0.1) = 0.325.
		assertEquals(0.325, summary(0.02, 0.05, 0.3, 0.11).auc10(), EPS);
		assertEquals(0.5, summary(0.02, 0.05, 0.3, 0.11).failureRate10(), EPS);
	}

	@Test
	void jsonCarriesFigures() {
		EvaluationSummary s = summary(0, 0.04);
		JsonObject o = JsonParser.parseString(s.toJson()).getAsJsonObject();
		assertEquals(2, o.get("faces").getAsInt());
		assertEquals(0.02, o.get("nme_inter_ocular").getAsDouble(), EPS);
		assertEquals(0.75, o.get("auc_8").getAsDouble(), EPS);
		assertEquals(0.0, o.get("failure_rate_10").getAsDouble(), EPS);
		assertEquals(2, o.getAsJsonArray("face_nme_inter_ocular").size());
		assertEquals(0.04, o.getAsJsonArray("face_nme_inter_ocular").get(1).getAsDouble(), EPS);
		assertEquals(68, o.getAsJsonArray("point_nme_inter_ocular").size());
	}

	@Test
	void interPupilIsNullWithoutEyeGroups() {
		int[] mirror = {1, 0};
		LandmarkScheme two = new LandmarkScheme("two", Arrays.asList("a", "b"),
				Collections.singletonList(new LandmarkGroup("all", 0, 1, true, false)), mirror, 0, 1);
		Metrics m = new Metrics(two);
		List<Point2> t = Arrays.asList(new Point2(0, 0), new Point2(4, 0));
		List<Point2> p = Arrays.asList(new Point2(0, 1), new Point2(4, 1));
		EvaluationSummary s = m.evaluate(Collections.singletonList(p), Collections.singletonList(t));
		assertEquals(0.25, s.meanNmeInterOcular(), EPS);
		assertTrue(Double.isNaN(s.meanNmeInterPupil()));
		assertTrue(JsonParser.parseString(s.toJson()).getAsJsonObject().get("nme_inter_pupil").isJsonNull());
	}

	@Test
	void rejectsInvalidInput() {
		List<Point2> t = truth(1);
		assertThrows(IllegalArgumentException.class, () -> metrics.nmeInterOcular(t.subList(0, 5), t));
		assertThrows(IllegalArgumentException.class,
				() -> metrics.evaluate(Collections.singletonList(t), Arrays.asList(t, t)));
		assertThrows(IllegalArgumentException.class,
				() -> metrics.evaluate(Collections.emptyList(), Collections.emptyList()));
		List<Point2> collapsed = new ArrayList<>(t);
		collapsed.set(45, collapsed.get(36));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> metrics.nmeInterOcular(t, collapsed));
		assertTrue(e.getMessage().contains("inter-ocular"), e.getMessage());
	}

	private static EvaluationSummary summary(double... errors) {
		return new EvaluationSummary(errors, errors, new double[68]);
	}
}
