package io.github.landmarkj.train;

import io.github.landmarkj.core.SimilarityTransform;

/**
 * Where a source photo's face is at each moment of a synthetic video: a similarity transform from the
 * photo to the frame, built from smooth curves of the face centre, size and in-plane angle.
 *
 * @param sourceCx centre of the face's box in the photo, {@code sourceCy} likewise
 * @param sourceSide the longer side of that box; the curves give the centre, longer side and angle in the frame
 */
record FaceMotion(double sourceCx, double sourceCy, double sourceSide, SmoothCurve centreX, SmoothCurve centreY, SmoothCurve side,
		SmoothCurve angleDegrees) {
	/** Photo to frame at time {@code t} (frames, fractional for motion blur). */
	SimilarityTransform at(double t) {
		double s = side.at(t) / sourceSide;
		return SimilarityTransform.translation(centreX.at(t), centreY.at(t))
				.compose(SimilarityTransform.of(s, Math.toRadians(angleDegrees.at(t)), 0, 0))
				.compose(SimilarityTransform.translation(-sourceCx, -sourceCy));
	}
}
