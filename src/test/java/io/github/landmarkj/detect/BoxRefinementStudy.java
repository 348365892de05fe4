package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.eval.Metrics;
import io.github.landmarkj.eval.ValidationSplit;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.ImageFiles;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Study (not a test) of where the NME gap between detector boxes and ground-truth boxes comes from, on the
 * face68 validation crops: {@code BoxRefinementStudy [DATA_DIR [TRAIN_EVERY]]}. Per face: one pass on the
 * true box (gt); passes from the raw detector box (p1..p4); passes from the detector box mapped by the
 * average shift and scale measured on every TRAIN_EVERY-th training face (map1..map3); the first refined
 * box's centre with the true side (trueSide). The figures are in the face-detector card.
 */
public final class BoxRefinementStudy {
	private BoxRefinementStudy() {
	}

	static final String[] NAMES = {"gt", "p1", "p2", "p3", "p4", "map1", "map2", "map3", "trueSide"};

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data");
		int trainEvery = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		List<AnnotatedFace> validation = new ArrayList<>(), train = new ArrayList<>();
		for (String folder : new String[] {"afw", "helen", "lfpw"}) {
			List<List<AnnotatedFace>> s = new ValidationSplit(8).split(AnnotatedFolderReader.read(data.resolve("face68/train").resolve(folder)).faces());
			validation.addAll(s.get(1));
			for (int i = 0; i < s.get(0).size(); i += trainEvery) {
				train.add(s.get(0).get(i));
			}
		}
		try (FaceDetector detector = FaceDetector.open(DetectorKind.BUNDLED_NAME, Device.cpu());
				LandmarkDetector landmarks = LandmarkDetector.open("face68", Device.cpu())) {
			Metrics metrics = new Metrics(landmarks.modelPackage().spec().scheme);
			double[] corr = run("train sample", train, detector, landmarks, metrics, new double[] {0, 0, 0});
			run("validation", validation, detector, landmarks, metrics, corr);
		}
	}

	static FaceBox square(double cx, double cy, double side) {
		return new FaceBox(cx - side / 2, cy - side / 2, side, side);
	}

	static double side(FaceBox b) {
		return Math.max(b.width, b.height);
	}

	static List<Point2> pass(LandmarkDetector lm, RgbImage image, FaceBox box) {
		return lm.detect(image, Collections.singletonList(box)).get(0).landmarks().points();
	}

	/** Returns mean {dx, dy, logSide} of B1 vs truth. */
	static double[] run(String what, List<AnnotatedFace> faces, FaceDetector detector, LandmarkDetector lm, Metrics metrics, double[] corr)
			throws Exception {
		List<List<List<Point2>>> preds = new ArrayList<>();
		for (int k = 0; k < NAMES.length; k++) {
			preds.add(new ArrayList<>());
		}
		List<List<Point2>> truth = new ArrayList<>();
		double[] s1 = new double[3], s2 = new double[3], a1 = new double[3], a2 = new double[3], td = new double[4], dd = new double[4];
		int n = 0;
		long t0 = System.nanoTime();
		for (AnnotatedFace f : faces) {
			RgbImage image = ImageFiles.read(f.image());
			FaceBox gt = FaceBox.enclosing(f.points());
			List<FaceBox> found = detector.detect(image);
			if (found.isEmpty()) {
				continue;
			}
			List<FaceResult> first = lm.detect(image, found);
			int best = -1;
			double bestIou = 0.5;
			for (int i = 0; i < found.size(); i++) {
				double iou = FaceBox.enclosing(first.get(i).landmarks().points()).iou(gt);
				if (iou >= bestIou) {
					best = i;
					bestIou = iou;
				}
			}
			if (best < 0) {
				continue;
			}
			List<Point2> p1 = first.get(best).landmarks().points();
			FaceBox b1 = FaceBox.enclosing(p1);
			List<Point2> p2 = pass(lm, image, b1);
			FaceBox b2 = FaceBox.enclosing(p2);
			List<Point2> p3 = pass(lm, image, b2);
			List<Point2> p4 = pass(lm, image, FaceBox.enclosing(p3));
			List<Point2> mean = new ArrayList<>();
			for (int i = 0; i < p2.size(); i++) {
				mean.add(new Point2((p2.get(i).x + p3.get(i).x) / 2, (p2.get(i).y + p3.get(i).y) / 2));
			}
			double sg = side(gt);
			List<Point2> ctr = pass(lm, image, square(b1.centerX(), b1.centerY(), sg));
			List<Point2> sid = pass(lm, image, square(gt.centerX(), gt.centerY(), side(b1)));
			FaceBox det = found.get(best);
			FaceBox mapped = new TightBoxMapping(corr[0], corr[1], Math.exp(corr[2])).apply(det);
			List<Point2> m1 = pass(lm, image, mapped);
			List<Point2> m2 = pass(lm, image, FaceBox.enclosing(m1));
			List<Point2> m3 = pass(lm, image, FaceBox.enclosing(m2));
			List<Point2> pg = pass(lm, image, gt);
			List<List<Point2>> all = List.of(pg, p1, p2, p3, p4, m1, m2, m3, ctr);
			double[] t = {(gt.centerX() - det.centerX()) / det.width, (gt.centerY() - det.centerY()) / det.height, Math.log(sg / det.width),
					Math.log(sg / det.height)};
			for (int j = 0; j < 4; j++) {
				td[j] += t[j];
				dd[j] += t[j] * t[j];
			}
			for (int k = 0; k < NAMES.length; k++) {
				preds.get(k).add(all.get(k));
			}
			truth.add(f.points());
			double[] e1 = {(b1.centerX() - gt.centerX()) / sg, (b1.centerY() - gt.centerY()) / sg, Math.log(side(b1) / sg)};
			double[] e2 = {(b2.centerX() - gt.centerX()) / sg, (b2.centerY() - gt.centerY()) / sg, Math.log(side(b2) / sg)};
			for (int j = 0; j < 3; j++) {
				s1[j] += e1[j];
				s2[j] += e2[j];
				a1[j] += Math.abs(e1[j]);
				a2[j] += Math.abs(e2[j]);
			}
			n++;
		}
		System.out.println(String.format(Locale.ROOT, "%s: %d of %d faces (%.0f s)", what, n, faces.size(), (System.nanoTime() - t0) / 1e9));
		System.out.println(String.format(Locale.ROOT, "  B1 vs truth: mean dx %+.4f dy %+.4f logSide %+.4f; mean |.| %.4f %.4f %.4f",
				s1[0] / n, s1[1] / n, s1[2] / n, a1[0] / n, a1[1] / n, a1[2] / n));
		System.out.println(String.format(Locale.ROOT, "  B2 vs truth: mean dx %+.4f dy %+.4f logSide %+.4f; mean |.| %.4f %.4f %.4f",
				s2[0] / n, s2[1] / n, s2[2] / n, a2[0] / n, a2[1] / n, a2[2] / n));
		double g = metrics.evaluate(preds.get(0), truth).meanNmeInterOcular();
		for (int k = 0; k < NAMES.length; k++) {
			double v = metrics.evaluate(preds.get(k), truth).meanNmeInterOcular();
			System.out.println(String.format(Locale.ROOT, "  %-10s NME %.3f%% (%+.1f%% vs gt)", NAMES[k], 100 * v, 100 * (v / g - 1)));
		}
		double[] m = new double[4], sd = new double[4];
		for (int j = 0; j < 4; j++) {
			m[j] = td[j] / n;
			sd[j] = Math.sqrt(dd[j] / n - m[j] * m[j]);
		}
		System.out.println(String.format(Locale.ROOT, "  truth vs detector box: dx/w %.4f (sd %.4f) dy/h %.4f (sd %.4f) log(side/w) %.4f (sd %.4f) "
				+ "log(side/h) %.4f (sd %.4f)", m[0], sd[0], m[1], sd[1], m[2], sd[2], m[3], sd[3]));
		return new double[] {m[0], m[1], m[2]};
	}

	/** (cx, cy, log side) of {@code to} relative to {@code from}, in units of from's side. */
	static double[] delta(FaceBox from, FaceBox to) {
		double s = side(from);
		return new double[] {(to.centerX() - from.centerX()) / s, (to.centerY() - from.centerY()) / s, Math.log(side(to) / s)};
	}

	static FaceBox relax(FaceBox from, FaceBox predicted, double[] gains) {
		double[] d = delta(from, predicted);
		double s = side(from);
		return square(from.centerX() + gains[0] * d[0] * s, from.centerY() + gains[1] * d[1] * s, s * Math.exp(gains[2] * d[2]));
	}
}
