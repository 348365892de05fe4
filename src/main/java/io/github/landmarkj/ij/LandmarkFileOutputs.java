package io.github.landmarkj.ij;

import ij.ImagePlus;
import io.github.landmarkj.batch.RecordedOutputs;
import io.github.landmarkj.core.LandmarkScheme;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The CSV, JSON and .pts files of an image's landmarks, named after the image's title; with several
 * planes one set per plane, suffixed with the plane ({@code _t3}, {@code _z2-t3}). Written under the
 * output folder's record of results, as a folder batch writes them ({@link RecordedOutputs}): with
 * overwrite, the files an earlier run wrote for the same image and this one does not (the .pts of a face
 * no longer there) are deleted, and a batch run into the same folder knows these files as results.
 */
public final class LandmarkFileOutputs {
	private LandmarkFileOutputs() {
	}

	public static void write(ImagePlus imp, List<PlaneFaces> planes, LandmarkScheme scheme, Path folder, boolean perPlane,
			boolean overwrite) throws IOException {
		String stem = imp.getShortTitle().trim().isEmpty() ? "image" : imp.getShortTitle().trim();
		try (RecordedOutputs outputs = RecordedOutputs.open(folder)) {
			for (PlaneFaces pf : planes) {
				String suffix = perPlane ? "_" + pf.plane.label() : "";
				outputs.write(imp.getTitle() + (perPlane ? " " + pf.plane.label() : ""), stem + suffix,
						ImagePlusAdapter.plane(imp, pf.plane.stackIndex, ImagePlusAdapter.Scaling.DISPLAY_RANGE), pf.results(), scheme,
						overwrite);
			}
		}
	}
}
