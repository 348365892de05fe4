package io.github.landmarkj.script;

import io.github.landmarkj.core.FaceAnalysis;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.core.Heatmaps;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.SimilarityTransform;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import java.util.List;

/**
 * One face that {@link LandmarkJService} found: its region and landmarks in the coordinates of the
 * image given (ImgLib2 coordinates, so an image whose min corner is not at 0 keeps its own), each point
 * with a confidence in [0, 1] and an occluded flag, and the network's raw outputs for it as ImgLib2
 * images. Immutable; every image returned is a new copy.
 */
public final class FaceLandmarks {
	private final int index;
	private final FaceBox box;
	private final Landmarks landmarks;
	private final Heatmaps heatmaps;
	/** From the image given (with its min corner) to the network's crop. */
	private final SimilarityTransform imageToCrop;
	private final List<String> pointNames;
	private final HeadPose pose;

	/** @param poses null where LandmarkJ has no 3-D mean face for the model's points */
	FaceLandmarks(FaceAnalysis face, long minX, long minY, List<String> pointNames, HeadPoseEstimator poses) {
		SimilarityTransform toGiven = SimilarityTransform.translation(minX, minY);
		FaceBox b = face.result().box();
		this.index = face.result().index();
		this.box = new FaceBox(b.x + minX, b.y + minY, b.width, b.height, b.score);
		this.landmarks = face.result().landmarks().transformed(toGiven);
		this.heatmaps = face.heatmaps();
		this.imageToCrop = face.imageToCrop().compose(SimilarityTransform.translation(-minX, -minY));
		this.pointNames = pointNames;
		this.pose = poses == null ? HeadPose.UNKNOWN : poses.estimate(face.result().landmarks());
	}

	/** 0-based, in the order of the boxes given, or left to right when the detector found the faces. */
	public int index() {
		return index;
	}

	/** The region the landmarks were found on (the detector's score with it, 1 for a box given). */
	public FaceBox box() {
		return box;
	}

	public Landmarks landmarks() {
		return landmarks;
	}

	/** The number of points (68 for face68). */
	public int size() {
		return landmarks.size();
	}

	public double x(int point) {
		return landmarks.point(point).x;
	}

	public double y(int point) {
		return landmarks.point(point).y;
	}

	public double confidence(int point) {
		return landmarks.confidence(point);
	}

	public boolean occluded(int point) {
		return landmarks.occluded(point);
	}

	public double meanConfidence() {
		return landmarks.meanConfidence();
	}

	/** Pitch, yaw and roll in degrees ({@link HeadPose}); unknown (NaN) for models without a 3-D mean face. */
	public HeadPose pose() {
		return pose;
	}

	/** The name of a point in the model's scheme, e.g. "right_eye_outer". */
	public String pointName(int point) {
		return pointNames.get(point);
	}

	/** {@code [[x, y], ...]}, one row per point. */
	public double[][] points() {
		double[][] out = new double[size()][];
		for (int i = 0; i < out.length; i++) {
			out[i] = new double[] {x(i), y(i)};
		}
		return out;
	}

	/**
	 * The landmark heat maps as the network gave them, in the face's crop: {@code (u, v, point)}, one
	 * square map per point at the model's heat-map stride ({@link #heatmapToImage} places a pixel).
	 */
	public ArrayImg<FloatType, FloatArray> heatmaps() {
		int s = heatmaps.size, m = heatmaps.count;
		float[] all = new float[m * s * s];
		for (int k = 0; k < m; k++) {
			System.arraycopy(heatmaps.map(k), 0, all, k * s * s, s * s);
		}
		return ArrayImgs.floats(all, s, s, m);
	}

	/** The occlusion grid as the network gave it, in the face's crop: probability that a cell is covered. */
	public ArrayImg<FloatType, FloatArray> occlusionGrid() {
		return ArrayImgs.floats(heatmaps.occlusionGrid(), heatmaps.occlusionSize, heatmaps.occlusionSize);
	}

	/** Where the centre of heat-map pixel (u, v) lies in the image: {@code [x, y]}. */
	public double[] heatmapToImage(double u, double v) {
		Point2 p = imageToCrop.inverse().apply(new Point2(heatmaps.toCrop(u), heatmaps.toCrop(v)));
		return new double[] {p.x, p.y};
	}

	@Override
	public String toString() {
		return String.format("face %d: %d points, mean confidence %.2f, %s", index, size(), meanConfidence(), box);
	}
}
