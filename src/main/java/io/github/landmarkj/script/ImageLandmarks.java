package io.github.landmarkj.script;

import io.github.landmarkj.core.FaceAnalysis;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.core.HeatmapLayers;
import io.github.landmarkj.core.LandmarkScheme;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link LandmarkJService} found in one image: the faces (possibly none) with their landmarks, and
 * the heat-map and occlusion layers as ImgLib2 images the size of the image, so that they lie over it.
 * Immutable; the layer images are computed, as new copies, when asked for.
 */
public final class ImageLandmarks {
	private final List<FaceAnalysis> analyses;
	private final List<FaceLandmarks> faces;
	private final int width;
	private final int height;
	private final List<String> pointNames;
	private final long nonFinitePixels;
	private final String model;

	ImageLandmarks(List<FaceAnalysis> analyses, int width, int height, long minX, long minY, LandmarkScheme scheme,
			long nonFinitePixels, String model) {
		this.analyses = Collections.unmodifiableList(new ArrayList<>(analyses));
		this.width = width;
		this.height = height;
		this.pointNames = scheme.pointNames();
		this.nonFinitePixels = nonFinitePixels;
		this.model = model;
		HeadPoseEstimator poses = HeadPoseEstimator.forScheme(scheme);
		List<FaceLandmarks> f = new ArrayList<>(analyses.size());
		for (FaceAnalysis a : analyses) {
			f.add(new FaceLandmarks(a, minX, minY, this.pointNames, poses));
		}
		this.faces = Collections.unmodifiableList(f);
	}

	/** The faces, in the order of the boxes given, or left to right when the detector found them. */
	public List<FaceLandmarks> faces() {
		return faces;
	}

	public int faceCount() {
		return faces.size();
	}

	public FaceLandmarks face(int index) {
		return faces.get(index);
	}

	/** The names of the model's points, e.g. "right_eye_outer" (index 36 in face68). */
	public List<String> pointNames() {
		return pointNames;
	}

	/** Pixels that were NaN or infinite and were read as 0 (0 for most images). */
	public long nonFinitePixels() {
		return nonFinitePixels;
	}

	/** Where the landmark model came from: "bundled:face68" or a folder. */
	public String model() {
		return model;
	}

	/**
	 * {@code (x, y, point)}: one heat-map plane per point, then their maximum (so {@code points + 1} planes),
	 * each the size of the image (pixel (0, 0) at the image's min corner), 0 outside every face's crop.
	 * Large: 4 bytes x width x height x 69 for face68.
	 */
	public ArrayImg<FloatType, FloatArray> heatmapImage() {
		int m = pointNames.size(), n = width * height;
		float[][] planes = HeatmapLayers.heatmaps(analyses, m, width, height);
		float[] all = new float[(m + 1) * n];
		for (int k = 0; k <= m; k++) {
			System.arraycopy(planes[k], 0, all, k * n, n);
		}
		return ArrayImgs.floats(all, width, height, m + 1);
	}

	/** {@code (x, y)}: the probability that something covers the face there, 0-1; 0 outside every face's crop. */
	public ArrayImg<FloatType, FloatArray> occlusionImage() {
		return ArrayImgs.floats(HeatmapLayers.occlusion(analyses, width, height), width, height);
	}

	@Override
	public String toString() {
		return faces.size() + " face(s) in a " + width + " x " + height + " image (" + model + ")";
	}
}
