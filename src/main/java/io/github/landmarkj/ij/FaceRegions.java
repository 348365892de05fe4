package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.gui.Roi;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.detect.FaceFinder;
import io.github.landmarkj.engine.LandmarkDetector;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Where the faces are: the bounds of the image's selection, the area ROIs of the ROI Manager (one
 * face each), the face detector's boxes, or the whole image. Boxes are in 0-based pixel-centre
 * coordinates like the rest of core.
 */
public final class FaceRegions {
	/** The choices of the {@code regions} parameter. */
	public enum Source {
		CURRENT_ROI("Current ROI"), ROI_MANAGER("ROI Manager"), DETECT_FACES("Detect faces"), WHOLE_IMAGE("Whole image");

		public final String label;

		Source(String label) {
			this.label = label;
		}

		public static Source parse(String text) {
			for (Source s : values()) {
				if (s.label.equalsIgnoreCase(text == null ? "" : text.trim())) {
					return s;
				}
			}
			throw new IllegalArgumentException("Unknown regions '" + text + "': use [Current ROI], [ROI Manager], [Detect faces] or [Whole image]");
		}

		@Override
		public String toString() {
			return label;
		}
	}

	private final Source source;
	private final RoiStore roiManager;
	private final FaceFinder finder;

	/** For the sources that need no face detector. */
	public FaceRegions(Source source, RoiStore roiManager) {
		this(source, roiManager, null);
	}

	/**
	 * @param roiManager the ROI Manager, needed (non-null) for {@link Source#ROI_MANAGER} only
	 * @param finder the face detector, needed (non-null) for {@link Source#DETECT_FACES} only; not closed here
	 */
	public FaceRegions(Source source, RoiStore roiManager, FaceFinder finder) {
		if (source == Source.ROI_MANAGER && roiManager == null) {
			throw new IllegalStateException("regions=[ROI Manager] but there is no ROI Manager: add one rectangle per face "
					+ "to it (Analyze > Tools > ROI Manager, key T), or use regions=[Current ROI], [Detect faces] or [Whole image]");
		}
		if (source == Source.DETECT_FACES && finder == null) {
			throw new IllegalArgumentException("regions=[Detect faces] needs a face detector");
		}
		this.source = source;
		this.roiManager = roiManager;
		this.finder = finder;
	}

	public Source source() {
		return source;
	}

	/**
	 * The face boxes on one plane of {@code imp}.
	 *
	 * @return the boxes; empty when the ROI Manager has none on the plane or the detector finds no face
	 * @throws IllegalStateException when the current ROI is not an area
	 */
	public List<FaceBox> boxes(ImagePlus imp, Plane plane, LandmarkDetector detector) {
		switch (source) {
			case CURRENT_ROI:
				return Collections.singletonList(fromRoi(imp.getRoi()));
			case ROI_MANAGER:
				return fromRois(roiManager.rois(), plane);
			case DETECT_FACES:
				// The detector looks at "no data" (NaN) as black; the landmark pass refuses faces that read it.
				return finder.boxes(ImagePlusAdapter.plane(imp, plane.stackIndex, ImagePlusAdapter.Scaling.DISPLAY_RANGE));
			default:
				return Collections.singletonList(detector.wholeImageBox(imp.getWidth(), imp.getHeight()));
		}
	}

	/** The bounds of an area selection as a face box. */
	public static FaceBox fromRoi(Roi roi) {
		if (roi == null || !roi.isArea()) {
			throw new IllegalStateException("regions=[Current ROI] needs a rectangle (or any area selection) around the face "
					+ "on the image" + (roi == null ? "" : "; the selection is a " + roi.getTypeAsString().toLowerCase(Locale.ROOT)));
		}
		return box(roi);
	}

	/** One face per area ROI shown on {@code plane}, in list order; other ROIs (points, lines) are ignored. */
	public static List<FaceBox> fromRois(List<Roi> rois, Plane plane) {
		List<FaceBox> boxes = new ArrayList<>();
		for (Roi roi : rois) {
			if (roi.isArea() && plane.shows(roi)) {
				boxes.add(box(roi));
			}
		}
		return boxes;
	}

	private static FaceBox box(Roi roi) {
		Rectangle2D.Double b = roi.getFloatBounds();
		// The same region in LandmarkJ's coordinates, so that the box's centre is the centre of the selected pixels.
		return new FaceBox(IjCoordinates.fromIj(b.x), IjCoordinates.fromIj(b.y), b.width, b.height);
	}
}
