package io.github.landmarkj.ij;

import io.github.landmarkj.core.FaceAnalysis;
import io.github.landmarkj.core.FaceResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The faces analysed on one plane of an image. Immutable. */
public final class PlaneFaces {
	public final Plane plane;
	public final List<FaceAnalysis> faces;

	public PlaneFaces(Plane plane, List<FaceAnalysis> faces) {
		this.plane = plane;
		this.faces = Collections.unmodifiableList(new ArrayList<>(faces));
	}

	public List<FaceResult> results() {
		List<FaceResult> out = new ArrayList<>(faces.size());
		faces.forEach(f -> out.add(f.result()));
		return out;
	}

	/** The total number of faces over several planes. */
	public static int faceCount(List<PlaneFaces> planes) {
		return planes.stream().mapToInt(p -> p.faces.size()).sum();
	}
}
