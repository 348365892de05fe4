package io.github.landmarkj.eval;

import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.io.AnnotatedFace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The files of an evaluation: {@code metrics.json}, {@code ced.png}, {@code predictions.csv}
 * ({@code image,point,name,x,y,truth_x,truth_y,confidence,occluded}, 0-based pixels, point 1-based) and
 * {@code faces.csv} ({@code image,nme_io,nme_ip}).
 */
public final class EvaluationFiles {
	public static final String[] NAMES = {"metrics.json", "ced.png", "predictions.csv", "faces.csv"};

	/** The largest NME(io) of {@code ced.png}'s curve. */
	public static final double CED_MAX_ERROR = 0.1;

	/** Draws a CED curve into a PNG file, written atomically (ImageJ's plot does it: {@code ij/CedPlot::writePng}). */
	@FunctionalInterface
	public interface CedPlotter {
		void writePng(CedCurve curve, String title, Path png, boolean overwrite) throws IOException;
	}

	private EvaluationFiles() {
	}

	/** @param plotter draws {@code ced.png}, the CED of NME(io) from 0 to {@link #CED_MAX_ERROR} */
	public static void write(Path folder, ModelEvaluation.Outcome outcome, LandmarkScheme scheme, String title, boolean overwrite,
			CedPlotter plotter) throws IOException {
		Files.createDirectories(folder);
		if (!overwrite) {
			for (String n : NAMES) {
				if (Files.exists(folder.resolve(n))) {
					throw new java.nio.file.FileAlreadyExistsException(folder.resolve(n).toString(), null,
							"file exists; choose another output folder or allow overwriting");
				}
			}
		}
		StandardOpenOption[] options = {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE};
		Files.write(folder.resolve("metrics.json"), (outcome.summary.toJson() + "\n").getBytes(StandardCharsets.UTF_8), options);
		plotter.writePng(outcome.summary.ced(CED_MAX_ERROR), title, folder.resolve("ced.png"), true);
		try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("predictions.csv"), StandardCharsets.UTF_8, options)) {
			w.write("image,point,name,x,y,truth_x,truth_y,confidence,occluded\n");
			for (int f = 0; f < outcome.faces.size(); f++) {
				AnnotatedFace face = outcome.faces.get(f);
				Landmarks l = outcome.predicted.get(f);
				for (int i = 0; i < l.size(); i++) {
					Point2 p = l.point(i), t = face.points().get(i);
					w.write(String.format(Locale.ROOT, "%s,%d,%s,%.3f,%.3f,%.3f,%.3f,%.3f,%d%n", csv(face.id()), i + 1,
							scheme.pointName(i), p.x, p.y, t.x, t.y, l.confidence(i), l.occluded(i) ? 1 : 0));
				}
			}
		}
		try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("faces.csv"), StandardCharsets.UTF_8, options)) {
			w.write("image,nme_io,nme_ip\n");
			double[] io = outcome.summary.faceNmeInterOcular(), ip = outcome.summary.faceNmeInterPupil();
			for (int f = 0; f < outcome.faces.size(); f++) {
				w.write(String.format(Locale.ROOT, "%s,%.5f,%.5f%n", csv(outcome.faces.get(f).id()), io[f], ip[f]));
			}
		}
	}

	private static String csv(String s) {
		return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}
}
