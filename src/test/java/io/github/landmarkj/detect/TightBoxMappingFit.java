package io.github.landmarkj.detect;

import ai.djl.Device;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.engine.MachineDescription;
import io.github.landmarkj.eval.ValidationSplit;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.ImageFiles;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits a face detector's {@link TightBoxMapping} (the {@code tight_box} of its model.json) on the face68
 * TRAINING faces (validation faces, every 8th photo per folder, are left out):
 * {@code TightBoxMappingFit [DATA_DIR [DETECTOR]]}. For each face, the detector's box (default threshold)
 * with the largest IoU (at least 0.3) with the tight box of the annotated points is compared with that
 * tight box: mean centre shift in widths and heights of the detector's box, and the geometric mean of
 * (tight box's longer side / detector box's width). Prints the means, spreads and the JSON to paste.
 */
public final class TightBoxMappingFit {
	private static final double MIN_IOU = 0.3;

	private TightBoxMappingFit() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data");
		String detectorName = args.length > 1 ? args[1] : DetectorKind.BUNDLED_NAME;
		List<AnnotatedFace> train = new ArrayList<>();
		for (String folder : new String[] {"afw", "helen", "lfpw"}) {
			train.addAll(new ValidationSplit(8).split(AnnotatedFolderReader.read(data.resolve("face68/train").resolve(folder)).faces()).get(0));
		}
		System.out.println(MachineDescription.describe());
		double[] sum = new double[3], sumSq = new double[3];
		int n = 0, unmatched = 0;
		try (FaceDetector detector = FaceDetector.open(detectorName, Device.cpu())) {
			for (AnnotatedFace f : train) {
				RgbImage image = ImageFiles.read(f.image());
				FaceBox truth = FaceBox.enclosing(f.points());
				FaceBox best = null;
				for (FaceBox b : detector.detect(image)) {
					if (b.iou(truth) >= MIN_IOU && (best == null || b.iou(truth) > best.iou(truth))) {
						best = b;
					}
				}
				if (best == null) {
					unmatched++;
					continue;
				}
				double[] v = {(truth.centerX() - best.centerX()) / best.width, (truth.centerY() - best.centerY()) / best.height,
						Math.log(Math.max(truth.width, truth.height) / best.width)};
				for (int j = 0; j < 3; j++) {
					sum[j] += v[j];
					sumSq[j] += v[j] * v[j];
				}
				n++;
			}
		}
		double[] mean = new double[3], sd = new double[3];
		for (int j = 0; j < 3; j++) {
			mean[j] = sum[j] / n;
			sd[j] = Math.sqrt(Math.max(0, sumSq[j] / n - mean[j] * mean[j]));
		}
		System.out.println(String.format(Locale.ROOT, "face68 training faces: %d, matched %d (IoU >= %.1f), unmatched %d", train.size(), n, MIN_IOU,
				unmatched));
		System.out.println(String.format(Locale.ROOT, "centre shift x: %.4f widths (sd %.4f); y: %.4f heights (sd %.4f); log(side / width): %.4f "
				+ "(sd %.4f)", mean[0], sd[0], mean[1], sd[1], mean[2], sd[2]));
		System.out.println(String.format(Locale.ROOT, "\"tight_box\": {\"centre_shift_x\": %.4f, \"centre_shift_y\": %.4f, \"side_per_width\": %.4f}",
				mean[0], mean[1], Math.exp(mean[2])));
	}
}
