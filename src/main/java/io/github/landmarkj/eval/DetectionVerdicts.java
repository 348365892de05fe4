package io.github.landmarkj.eval;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.io.JudgedBoxFile.JudgedBox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A detector run counted against listed faces and a person's verdicts on the boxes that are not listed faces
 * (photos where only some faces are annotated, as AFW's): each photo's found boxes are matched one to one to
 * its listed boxes ({@link BoxMatching}, IoU >= 0.5), and the rest one to one to its judged boxes; a box
 * that matches no judged box is "unjudged" (a box that the judged run did not have: look at it).
 */
public final class DetectionVerdicts {
	private final Map<String, List<JudgedBox>> judged;

	/** @param judged judged boxes per image name (e.g. from {@link io.github.landmarkj.io.JudgedBoxFile}) */
	public DetectionVerdicts(Map<String, List<JudgedBox>> judged) {
		this.judged = Collections.unmodifiableMap(new LinkedHashMap<>(judged));
	}

	/** A run's counts. */
	public record Tally(int listedFound, int listed, int faces, int nonFaces, int unsure, int unjudged) {
		/** Found boxes that are not listed faces. */
		public int unlisted() {
			return faces + nonFaces + unsure + unjudged;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "listed faces found %d/%d (%.1f%%); boxes that are not listed faces %d: real faces %d, not faces %d, "
					+ "unsure %d, unjudged %d", listedFound, listed, listed == 0 ? 0.0 : 100.0 * listedFound / listed, unlisted(), faces, nonFaces,
					unsure, unjudged);
		}
	}

	/** What a found box is, by the listed faces and the verdicts. */
	public enum BoxKind {
		/** matches a listed face */
		LISTED,
		/** matches a box judged a face */
		FACE,
		/** matches a box judged not a face */
		NOT_A_FACE,
		/** matches a box judged unsure */
		UNSURE,
		/** matches neither a listed nor a judged box */
		UNJUDGED
	}

	/**
	 * @param found a run's boxes per image name (images without boxes may be left out)
	 * @param listed the listed faces per image name; every image of the set is a key
	 */
	public Tally tally(Map<String, List<FaceBox>> found, Map<String, List<FaceBox>> listed) {
		for (String image : found.keySet()) {
			if (!listed.containsKey(image)) {
				throw new IllegalArgumentException("Boxes were found in " + image + ", which is not one of the listed images");
			}
		}
		int[] counts = new int[BoxKind.values().length];
		int listedCount = 0;
		for (Map.Entry<String, List<FaceBox>> e : listed.entrySet()) {
			listedCount += e.getValue().size();
			for (BoxKind k : classify(e.getKey(), found.getOrDefault(e.getKey(), List.of()), e.getValue())) {
				counts[k.ordinal()]++;
			}
		}
		return new Tally(counts[BoxKind.LISTED.ordinal()], listedCount, counts[BoxKind.FACE.ordinal()], counts[BoxKind.NOT_A_FACE.ordinal()],
				counts[BoxKind.UNSURE.ordinal()], counts[BoxKind.UNJUDGED.ordinal()]);
	}

	/** What each of an image's found boxes is, in their order: listed faces first ({@link BoxMatching}), then the verdicts. */
	public List<BoxKind> classify(String image, List<FaceBox> found, List<FaceBox> listed) {
		int[] toListed = BoxMatching.match(found, listed, BoxMatching.DEFAULT_MIN_IOU);
		List<Integer> unlisted = new ArrayList<>();
		List<FaceBox> unlistedBoxes = new ArrayList<>();
		BoxKind[] kinds = new BoxKind[found.size()];
		for (int i = 0; i < found.size(); i++) {
			if (toListed[i] >= 0) {
				kinds[i] = BoxKind.LISTED;
			} else {
				unlisted.add(i);
				unlistedBoxes.add(found.get(i));
			}
		}
		List<JudgedBox> seen = judged.getOrDefault(image, List.of());
		List<FaceBox> seenBoxes = new ArrayList<>(seen.size());
		for (JudgedBox j : seen) {
			seenBoxes.add(j.box());
		}
		int[] toJudged = BoxMatching.match(unlistedBoxes, seenBoxes, BoxMatching.DEFAULT_MIN_IOU);
		for (int u = 0; u < toJudged.length; u++) {
			kinds[unlisted.get(u)] = toJudged[u] < 0 ? BoxKind.UNJUDGED : switch (seen.get(toJudged[u]).verdict()) {
				case FACE -> BoxKind.FACE;
				case NOT_A_FACE -> BoxKind.NOT_A_FACE;
				case UNSURE -> BoxKind.UNSURE;
			};
		}
		return List.of(kinds);
	}
}
