package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.FloatPolygon;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;
import io.github.landmarkj.core.LoadedFace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Training faces from hand annotations: every multi-point ROI with exactly the model's number of
 * points is one face, its points in the order they were placed, on the image the ROI was made on (or
 * the only open image) and on the plane of its position. Point ROIs with another count, and ROIs whose
 * image cannot be told, are listed as skipped rather than dropped silently.
 */
public final class RoiAnnotations {
	private final List<LoadedFace> faces;
	private final List<String> skipped;

	private RoiAnnotations(List<LoadedFace> faces, List<String> skipped) {
		this.faces = Collections.unmodifiableList(faces);
		this.skipped = Collections.unmodifiableList(skipped);
	}

	/**
	 * @param faceSideAtInput the face's size in model input pixels ({@code inputSize / cropScale}), so
	 *            that big images are shrunk in memory as for folder data
	 */
	public static RoiAnnotations read(List<ImagePlus> images, List<Roi> rois, int points, double faceSideAtInput) {
		List<LoadedFace> faces = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		Map<String, RgbImage> planes = new HashMap<>();
		for (int r = 0; r < rois.size(); r++) {
			Roi roi = rois.get(r);
			if (roi.getType() != Roi.POINT) {
				continue;
			}
			String name = roi.getName() == null ? "#" + (r + 1) : roi.getName();
			FloatPolygon p = roi.getFloatPolygon();
			if (p.npoints != points) {
				skipped.add("ROI " + name + ": " + p.npoints + " points, the model has " + points);
				continue;
			}
			ImagePlus imp = imageOf(roi, images);
			if (imp == null) {
				skipped.add("ROI " + name + ": " + (images.isEmpty() ? "no image is open"
						: "cannot tell which of the " + images.size() + " open images it belongs to (add it to the ROI Manager "
								+ "while its image is active, or keep only that image open)"));
				continue;
			}
			int index = stackIndex(roi, imp);
			RgbImage image = planes.computeIfAbsent(imp.getID() + ":" + index,
					k -> ImagePlusAdapter.plane(imp, index, ImagePlusAdapter.Scaling.DISPLAY_RANGE));
			List<Point2> pts = new ArrayList<>(points);
			for (int i = 0; i < points; i++) {
				pts.add(new Point2(IjCoordinates.fromIj(p.xpoints[i]), IjCoordinates.fromIj(p.ypoints[i])));
			}
			faces.add(LoadedFace.shrunkFor(imp.getTitle() + ":" + name, image, pts, faceSideAtInput));
		}
		return new RoiAnnotations(faces, skipped);
	}

	private static ImagePlus imageOf(Roi roi, List<ImagePlus> images) {
		int id = roi.getImageID();
		for (ImagePlus imp : images) {
			if (id != 0 && imp.getID() == id) {
				return imp;
			}
		}
		return images.size() == 1 ? images.get(0) : null;
	}

	private static int stackIndex(Roi roi, ImagePlus imp) {
		if (roi.hasHyperStackPosition()) {
			return imp.getStackIndex(Math.max(1, roi.getCPosition()), Math.max(1, roi.getZPosition()), Math.max(1, roi.getTPosition()));
		}
		int position = roi.getPosition();
		return position >= 1 && position <= imp.getStackSize() ? position : imp.getCurrentSlice();
	}

	public List<LoadedFace> faces() {
		return faces;
	}

	public List<String> skipped() {
		return skipped;
	}
}
