package io.github.landmarkj.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;

/**
 * One annotated face of a data set: the image it is in, its ground-truth points in 0-based pixels, an
 * occluded flag per point and an identifier that names it in reports. Immutable.
 */
public final class AnnotatedFace {
	private final Path image;
	private final List<Point2> points;
	private final boolean[] occluded;
	private final String id;

	public AnnotatedFace(Path image, List<Point2> points, boolean[] occluded, String id) {
		Objects.requireNonNull(image, "image");
		Objects.requireNonNull(id, "id");
		if (occluded.length != points.size()) {
			throw new IllegalArgumentException("Face " + id + " has " + points.size() + " points but " + occluded.length
					+ " occluded flags");
		}
		this.image = image;
		this.points = Collections.unmodifiableList(new ArrayList<>(points));
		this.occluded = occluded.clone();
		this.id = id;
	}

	/** A face whose points are all visible. */
	public AnnotatedFace(Path image, List<Point2> points, String id) {
		this(image, points, new boolean[points.size()], id);
	}

	public Path image() {
		return image;
	}

	/** 0-based pixel positions, unmodifiable. */
	public List<Point2> points() {
		return points;
	}

	public int size() {
		return points.size();
	}

	public boolean occluded(int i) {
		return occluded[i];
	}

	/** A copy of the occluded flags. */
	public boolean[] occluded() {
		return occluded.clone();
	}

	public String id() {
		return id;
	}

	/** The points as landmarks with confidence 1 and this face's occluded flags. */
	public Landmarks toLandmarks() {
		return Landmarks.of(points).withOccluded(occluded);
	}

	@Override
	public String toString() {
		return "AnnotatedFace[" + id + ", " + points.size() + " points, " + image + "]";
	}
}
