package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.SimilarityTransform;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.ImageFiles;
import io.github.landmarkj.train.Metrics;
import io.github.landmarkj.train.ModelEvaluation;
import io.github.landmarkj.train.TrainingData;
import io.github.landmarkj.train.ValidationSplit;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The face detector's figures for its model card (an example, not a test):
 * {@code DetectorEvaluationDemo DETECTOR_DIR DATA_DIR [LANDMARK_MODEL]}. Validation faces are the fixed
 * split of train-detector (every 8th photo per folder); canvases use a different seed from training's
 * per-epoch validation.
 */
public final class DetectorEvaluationDemo {
	private DetectorEvaluationDemo() {
	}

	public static void main(String[] args) throws Exception {
		Path detectorDir = Paths.get(args[0]);
		Path data = Paths.get(args[1]);
		String landmarkModel = args.length > 2 ? args[2] : null;
		System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " processors, " + System.getProperty("os.name")
				+ "; shared with a training job (figures are upper bounds on the time an idle machine needs)");
		TrainingData td = TrainingData.load(Collections.singletonList(data), new ValidationSplit(8), 68, 0.6 * 256, System.out::println);
		Set<String> validationIds = new HashSet<>();
		td.validation.forEach(f -> validationIds.add(f.id));
		List<AnnotatedFace> validationFaces = new ArrayList<>();
		for (AnnotatedFace f : AnnotatedFolderReader.read(data).faces()) {
			if (validationIds.contains(f.id())) {
				validationFaces.add(f);
			}
		}
		try (FaceDetector detector = FaceDetector.open(detectorDir.toString(), Device.cpu())) {
			DetectorPackage pkg = detector.modelPackage();
			DetectorModel model = detector.network();
			List<DetectorSample> canvases = DetectorTrainer.validationCanvases(td.validation, 300, pkg.config.inputSize, 777);
			for (double t : new double[] {0.2, 0.3, 0.4, 0.5}) {
				System.out.println(String.format(Locale.ROOT, "Canvases (300 x %d px, validation faces), score >= %.2f: %s",
						pkg.config.inputSize, t, DetectorTrainer.evaluate(model, canvases, pkg, t)));
			}
			// The validation crops themselves: the annotated face must be found; other detections may be unannotated faces.
			Map<String, List<FaceBox>> boxes = new HashMap<>();
			int found = 0, extra = 0;
			for (AnnotatedFace f : validationFaces) {
				List<FaceBox> d = detector.detect(ImageFiles.read(f.image()));
				boxes.put(f.image().getFileName().toString(), d);
				DetectionScores s = DetectionScores.of(d, Collections.singletonList(FaceBox.enclosing(f.points())), 0.5);
				found += s.truePositives;
				extra += s.falsePositives;
			}
			System.out.println(String.format(Locale.ROOT, "Validation crops: annotated face found (IoU >= 0.5) in %d of %d (%.2f%%), "
					+ "%d other detections (unannotated faces or false positives)", found, validationFaces.size(),
					100.0 * found / validationFaces.size(), extra));
			timing(detector, validationFaces.get(0));
			if (landmarkModel != null) {
				landmarks(landmarkModel, validationFaces, boxes);
			}
		}
	}

	/** Median end-to-end time (letterbox, network, decoding) on a 640 x 480 photo. */
	private static void timing(FaceDetector detector, AnnotatedFace face) throws Exception {
		RgbImage crop = ImageFiles.read(face.image());
		double s = 640.0 / crop.width();
		RgbImage vga = crop.warp(SimilarityTransform.of(s, 0, 0, -80), 640, 480);
		for (int i = 0; i < 10; i++) {
			detector.detect(vga);
		}
		double[] ms = new double[40];
		for (int i = 0; i < ms.length; i++) {
			long t0 = System.nanoTime();
			detector.detect(vga);
			ms[i] = (System.nanoTime() - t0) / 1e6;
		}
		Arrays.sort(ms);
		System.out.println(String.format(Locale.ROOT, "640 x 480 detection: median %.1f ms, fastest %.1f ms (40 runs, %d threads available)",
				ms[ms.length / 2], ms[0], Runtime.getRuntime().availableProcessors()));
	}

	private static void landmarks(String spec, List<AnnotatedFace> faces, Map<String, List<FaceBox>> detected) throws Exception {
		try (LandmarkDetector lm = LandmarkDetector.open(spec, Device.cpu())) {
			ModelEvaluation evaluation = new ModelEvaluation(lm);
			List<AnnotatedFace> withDetection = new ArrayList<>();
			for (AnnotatedFace f : faces) {
				FaceBox truth = FaceBox.enclosing(f.points());
				for (FaceBox b : detected.get(f.image().getFileName().toString())) {
					if (b.iou(truth) >= 0.5) {
						withDetection.add(f);
						break;
					}
				}
			}
			System.out.println("Landmark model " + lm.origin() + "; " + withDetection.size() + " of " + faces.size()
					+ " validation faces have a detection (IoU >= 0.5); NME(io) on those:");
			double gt = evaluation.evaluate(withDetection, Collections.emptyMap(), m -> { }).summary.meanNmeInterOcular();
			double det = evaluation.evaluate(withDetection, detected, m -> { }).summary.meanNmeInterOcular();
			Metrics metrics = new Metrics(lm.modelPackage().spec().scheme);
			TwoPassLandmarks twoPass = new TwoPassLandmarks(lm);
			List<List<Point2>> predDet = new ArrayList<>(), predGt = new ArrayList<>(), truth = new ArrayList<>();
			for (AnnotatedFace f : withDetection) {
				RgbImage image = ImageFiles.read(f.image());
				FaceBox truthBox = FaceBox.enclosing(f.points());
				FaceBox best = null;
				for (FaceBox b : detected.get(f.image().getFileName().toString())) {
					if (best == null || b.iou(truthBox) > best.iou(truthBox)) {
						best = b;
					}
				}
				FaceResult r = twoPass.detect(image, Collections.singletonList(best)).get(0);
				predDet.add(r.landmarks.points());
				predGt.add(twoPass.detect(image, Collections.singletonList(truthBox)).get(0).landmarks.points());
				truth.add(f.points());
			}
			double det2 = metrics.evaluate(predDet, truth).meanNmeInterOcular();
			double gt2 = metrics.evaluate(predGt, truth).meanNmeInterOcular();
			System.out.println(String.format(Locale.ROOT, "  ground-truth boxes          %.3f%%", 100 * gt));
			System.out.println(String.format(Locale.ROOT, "  detector boxes, one pass    %.3f%% (%+.1f%% relative)", 100 * det, 100 * (det / gt - 1)));
			System.out.println(String.format(Locale.ROOT, "  detector boxes, two passes  %.3f%% (%+.1f%% relative)", 100 * det2, 100 * (det2 / gt - 1)));
			System.out.println(String.format(Locale.ROOT, "  ground-truth boxes, two passes %.3f%%", 100 * gt2));
		}
	}

}
