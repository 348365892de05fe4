package io.github.landmarkj.batch;

import io.github.landmarkj.io.BatchReportFiles;
import io.github.landmarkj.io.ImageStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a folder batch knows about one image: its name (relative to the input folder, '/'-separated), its
 * status, the faces found, and the files it wrote for it (relative to the output folder). These records
 * are the batch's memory between runs ({@link BatchJournal}).
 */
final class ImageRecord {
	final String image;
	final ImageStatus status;
	final int faces;
	final double meanConfidence;
	final String reason;
	final List<String> outputs;

	ImageRecord(String image, ImageStatus status, int faces, double meanConfidence, String reason, List<String> outputs) {
		this.image = image;
		this.status = status;
		this.faces = faces;
		this.meanConfidence = meanConfidence;
		this.reason = reason == null ? "" : reason;
		this.outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
	}

	static ImageRecord error(String image, String reason, List<String> outputs) {
		return new ImageRecord(image, ImageStatus.ERROR, 0, Double.NaN, reason, outputs);
	}

	/** A finished result whose files are all still there. */
	boolean finishedIn(Path outputFolder) {
		if (status != ImageStatus.OK || outputs.isEmpty()) {
			return false;
		}
		for (String o : outputs) {
			if (!Files.isRegularFile(outputFolder.resolve(o))) {
				return false;
			}
		}
		return true;
	}

	ImageRecord withStatus(ImageStatus s) {
		return new ImageRecord(image, s, faces, meanConfidence, reason, outputs);
	}

	BatchReportFiles.Row toRow() {
		return new BatchReportFiles.Row(image, status, faces, meanConfidence, reason);
	}
}
