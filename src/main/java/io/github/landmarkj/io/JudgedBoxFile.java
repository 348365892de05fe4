package io.github.landmarkj.io;

import io.github.landmarkj.core.FaceBox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Boxes that a person looked at and judged: a CSV with the header {@code image,x,y,width,height,verdict}, one
 * row per box ({@code image} the photo's file name, the box in pixels with a 0-based top-left corner, the
 * verdict {@code face}, {@code not a face} or {@code unsure}). Read with the same dialect as {@link BoxFile};
 * other columns are allowed and ignored. Used to count a detector's boxes that are not listed faces
 * (e.g. {@code models/face-detector/afw-unlisted-verdicts.csv}).
 */
public final class JudgedBoxFile {
	/** What a person saw in a box. */
	public enum Verdict {
		FACE("face"), NOT_A_FACE("not a face"), UNSURE("unsure");

		public final String label;

		Verdict(String label) {
			this.label = label;
		}

		/** The verdict written as {@code label} (case and surrounding spaces ignored), or null. */
		public static Verdict ofLabel(String label) {
			String l = label.trim().toLowerCase(Locale.ROOT);
			for (Verdict v : values()) {
				if (v.label.equals(l)) {
					return v;
				}
			}
			return null;
		}
	}

	/** One judged box. */
	public record JudgedBox(FaceBox box, Verdict verdict) {
	}

	private JudgedBoxFile() {
	}

	/** Judged boxes per image file name, in the order the images first appear in the file. */
	public static Map<String, List<JudgedBox>> read(Path file) throws IOException {
		CsvTable table = CsvTable.read(file, Arrays.asList("image", "x", "y", "width", "height", "verdict"));
		Map<String, List<JudgedBox>> boxes = new LinkedHashMap<>();
		for (CsvTable.Row row : table.rows()) {
			String image = BoxFile.image(table, row);
			FaceBox box = BoxFile.box(table, row, false);
			String label = table.text(row, "verdict");
			Verdict verdict = Verdict.ofLabel(label);
			if (verdict == null) {
				throw row.error("the verdict must be 'face', 'not a face' or 'unsure', got '" + label + "'");
			}
			boxes.computeIfAbsent(image, k -> new ArrayList<>()).add(new JudgedBox(box, verdict));
		}
		return BoxFile.unmodifiable(boxes);
	}
}
