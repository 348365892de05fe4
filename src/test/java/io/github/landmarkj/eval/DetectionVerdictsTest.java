package io.github.landmarkj.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.eval.DetectionVerdicts.BoxKind;
import io.github.landmarkj.io.JudgedBoxFile.JudgedBox;
import io.github.landmarkj.io.JudgedBoxFile.Verdict;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DetectionVerdictsTest {
	private static final FaceBox LISTED = new FaceBox(0, 0, 10, 10);
	private static final FaceBox FACE = new FaceBox(100, 0, 20, 20), HAND = new FaceBox(200, 0, 20, 20), HAIR = new FaceBox(300, 0, 20, 20);
	private final DetectionVerdicts verdicts = new DetectionVerdicts(Map.of("a.jpg", List.of(new JudgedBox(FACE, Verdict.FACE),
			new JudgedBox(HAND, Verdict.NOT_A_FACE), new JudgedBox(HAIR, Verdict.UNSURE))));
	private final Map<String, List<FaceBox>> listed = Map.of("a.jpg", List.of(LISTED), "b.jpg", List.of(LISTED, FACE));

	@Test
	void countsListedFacesThenJudgesTheOtherBoxes() {
		FaceBox movedFace = new FaceBox(102, 1, 20, 20), elsewhere = new FaceBox(400, 0, 20, 20);
		DetectionVerdicts.Tally t = verdicts.tally(Map.of("a.jpg", List.of(new FaceBox(0.5, 0, 10, 10), movedFace, HAND, HAIR, elsewhere),
				"b.jpg", List.of(FACE)), listed);
		assertEquals(new DetectionVerdicts.Tally(2, 3, 1, 1, 1, 1), t);
		assertEquals(4, t.unlisted());
	}

	@Test
	void aJudgedBoxCountsOnceAndOnlyInItsOwnImage() {
		// two boxes on the judged hand: the second is a duplicate the judged run did not have
		FaceBox handAgain = new FaceBox(201, 0, 20, 20);
		DetectionVerdicts.Tally t = verdicts.tally(Map.of("a.jpg", List.of(HAND, handAgain), "b.jpg", List.of(HAND)), listed);
		assertEquals(new DetectionVerdicts.Tally(0, 3, 0, 1, 0, 2), t);
	}

	@Test
	void classifiesEachBoxInTheOrderGiven() {
		FaceBox elsewhere = new FaceBox(400, 0, 20, 20);
		assertEquals(List.of(BoxKind.UNJUDGED, BoxKind.NOT_A_FACE, BoxKind.LISTED, BoxKind.FACE, BoxKind.UNSURE),
				verdicts.classify("a.jpg", List.of(elsewhere, HAND, LISTED, FACE, HAIR), List.of(LISTED)));
		// in another image the same boxes were not judged
		assertEquals(List.of(BoxKind.UNJUDGED, BoxKind.LISTED), verdicts.classify("c.jpg", List.of(HAND, LISTED), List.of(LISTED)));
	}

	@Test
	void refusesBoxesOfAnImageThatIsNotListed() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> verdicts.tally(Map.of("c.jpg", List.of(FACE)), listed));
		assertEquals("Boxes were found in c.jpg, which is not one of the listed images", e.getMessage());
	}
}
