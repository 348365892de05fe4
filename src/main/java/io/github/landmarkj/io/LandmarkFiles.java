package io.github.landmarkj.io;

import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;

/**
 * Writes the landmarks found in one image as CSV, JSON or 300-W {@code .pts}, and reads the CSV back.
 * <p>
 * Conventions: {@code face} and {@code point} count from 1 (face 1 is {@link FaceResult#index} 0, point
 * 1 is the scheme's first point, matching the iBUG numbering people quote); {@code x} and {@code y} are
 * 0-based pixel coordinates (the centre of the top-left pixel is 0,0), written with three decimals, as
 * are confidences; {@code occluded} is 0/1 in CSV and a boolean in JSON. The {@code .pts} files follow
 * the 300-W format and are therefore 1-based. Existing files are never replaced unless the caller passes
 * {@code overwrite = true}.
 * <p>
 * CSV columns: {@code image,face,point,name,x,y,confidence,occluded,pitch,yaw,roll}, one row per point; the
 * head pose (degrees, see {@link HeadPose}) of the point's face is repeated on its rows, one decimal, and
 * left empty for schemes without a 3-D mean face or points that cannot be fitted (all on one spot).
 */
public final class LandmarkFiles {
	static final List<String> CSV_COLUMNS =
			Collections.unmodifiableList(Arrays.asList("image", "face", "point", "name", "x", "y", "confidence", "occluded"));
	/** Head pose of the face in degrees, on each of its rows; empty for schemes without a 3-D mean face. */
	static final List<String> POSE_COLUMNS = Collections.unmodifiableList(Arrays.asList("pitch", "yaw", "roll"));

	private LandmarkFiles() {
	}

	public static void writeCsv(Path file, String imageName, List<FaceResult> faces, LandmarkScheme scheme,
			boolean overwrite) throws IOException {
		checkScheme(faces, scheme);
		HeadPoseEstimator poses = HeadPoseEstimator.forScheme(scheme);
		OutputFiles.writeText(file, overwrite, w -> {
			CSVPrinter csv = Csv.printer(w);
			List<String> header = new ArrayList<>(CSV_COLUMNS);
			header.addAll(POSE_COLUMNS);
			csv.printRecord(header);
			for (FaceResult face : faces) {
				Landmarks l = face.landmarks();
				List<String> pose = Arrays.asList("", "", "");
				HeadPose hp = poses == null ? HeadPose.UNKNOWN : poses.estimate(l);
				if (hp.isKnown()) {
					pose = Arrays.asList(format1(hp.pitch()), format1(hp.yaw()), format1(hp.roll()));
				}
				for (int i = 0; i < l.size(); i++) {
					Point2 p = l.point(i);
					csv.printRecord(imageName, face.index() + 1, i + 1, scheme.pointName(i), Csv.format3(p.x), Csv.format3(p.y),
							Csv.format3(l.confidence(i)), l.occluded(i) ? 1 : 0, pose.get(0), pose.get(1), pose.get(2));
				}
			}
			csv.flush();
		});
	}

	/**
	 * Writes {@code {image, scheme, faces: [{face, box: {x, y, width, height, score}, pose: {pitch, yaw,
	 * roll} or null when the points cannot be fitted, points: [{point, name, x, y, confidence, occluded}]}]}}; {@code pose} in degrees (see
	 * {@link HeadPose}), one decimal, only for schemes with a 3-D mean face.
	 */
	public static void writeJson(Path file, String imageName, List<FaceResult> faces, LandmarkScheme scheme,
			boolean overwrite) throws IOException {
		checkScheme(faces, scheme);
		HeadPoseEstimator poses = HeadPoseEstimator.forScheme(scheme);
		JsonObject root = new JsonObject();
		root.addProperty("image", imageName);
		root.addProperty("scheme", scheme.name());
		JsonArray faceArray = new JsonArray();
		for (FaceResult face : faces) {
			JsonObject f = new JsonObject();
			f.addProperty("face", face.index() + 1);
			JsonObject box = new JsonObject();
			box.addProperty("x", round3(face.box().x));
			box.addProperty("y", round3(face.box().y));
			box.addProperty("width", round3(face.box().width));
			box.addProperty("height", round3(face.box().height));
			box.addProperty("score", round3(face.box().score));
			f.add("box", box);
			if (poses != null) {
				HeadPose hp = poses.estimate(face.landmarks());
				if (hp.isKnown()) {
					JsonObject pose = new JsonObject();
					pose.addProperty("pitch", round1(hp.pitch()));
					pose.addProperty("yaw", round1(hp.yaw()));
					pose.addProperty("roll", round1(hp.roll()));
					f.add("pose", pose);
				} else {
					f.add("pose", com.google.gson.JsonNull.INSTANCE);
				}
			}
			JsonArray points = new JsonArray();
			Landmarks l = face.landmarks();
			for (int i = 0; i < l.size(); i++) {
				JsonObject p = new JsonObject();
				p.addProperty("point", i + 1);
				p.addProperty("name", scheme.pointName(i));
				p.addProperty("x", round3(l.point(i).x));
				p.addProperty("y", round3(l.point(i).y));
				p.addProperty("confidence", round3(l.confidence(i)));
				p.addProperty("occluded", l.occluded(i));
				points.add(p);
			}
			f.add("points", points);
			faceArray.add(f);
		}
		root.add("faces", faceArray);
		OutputFiles.writeText(file, overwrite, w -> {
			new GsonBuilder().setPrettyPrinting().create().toJson(root, w);
			w.write("\n");
		});
	}

	/**
	 * Writes {@code dir/<stem>.pts} for a single face, or {@code dir/<stem>_<k>.pts} (k = face number,
	 * from 1) when there are several; nothing when there are none. Checks every target before writing
	 * so that a refusal leaves no partial set behind.
	 *
	 * @return the files written
	 */
	public static List<Path> writePts(Path dir, String stem, List<FaceResult> faces, boolean overwrite)
			throws IOException {
		List<Path> targets = new ArrayList<>();
		for (FaceResult face : faces) {
			targets.add(dir.resolve(faces.size() == 1 ? stem + ".pts" : stem + "_" + (face.index() + 1) + ".pts"));
		}
		for (Path t : targets) {
			OutputFiles.checkWritable(t, overwrite);
		}
		for (int k = 0; k < faces.size(); k++) {
			PtsFormat.write(targets.get(k), faces.get(k).landmarks().points(), overwrite);
		}
		return Collections.unmodifiableList(targets);
	}

	/**
	 * Reads a CSV written by {@link #writeCsv}: faces per image name, images in file order, faces by
	 * number. The CSV holds no box, so each face's box is the bounding box of its points with score 1.
	 */
	public static Map<String, List<FaceResult>> readCsv(Path file) throws IOException {
		CsvTable table = CsvTable.read(file, CSV_COLUMNS);
		Map<String, TreeMap<Integer, FacePoints>> byImage = new LinkedHashMap<>();
		for (CsvTable.Row row : table.rows()) {
			String image = table.text(row, "image");
			int face = table.integer(row, "face");
			int point = table.integer(row, "point");
			if (face < 1) {
				throw row.error("face numbers start at 1, got " + face);
			}
			FacePoints fp = byImage.computeIfAbsent(image, k -> new TreeMap<>()).computeIfAbsent(face, k -> new FacePoints());
			if (point != fp.points.size() + 1) {
				throw row.error("expected point " + (fp.points.size() + 1) + " of face " + face + ", got point " + point
						+ "; rows of a face must be in point order");
			}
			fp.points.add(new Point2(table.number(row, "x"), table.number(row, "y")));
			fp.confidence.add(table.number(row, "confidence"));
			fp.occluded.add(table.flag(row, "occluded"));
		}
		Map<String, List<FaceResult>> result = new LinkedHashMap<>();
		for (Map.Entry<String, TreeMap<Integer, FacePoints>> image : byImage.entrySet()) {
			List<FaceResult> faces = new ArrayList<>();
			for (Map.Entry<Integer, FacePoints> face : image.getValue().entrySet()) {
				Landmarks l = face.getValue().toLandmarks();
				faces.add(new FaceResult(face.getKey() - 1, FaceBox.enclosing(l.points()), l));
			}
			result.put(image.getKey(), Collections.unmodifiableList(faces));
		}
		return Collections.unmodifiableMap(result);
	}

	private static void checkScheme(List<FaceResult> faces, LandmarkScheme scheme) {
		for (FaceResult f : faces) {
			if (f.landmarks().size() != scheme.size()) {
				throw new IllegalArgumentException("Face " + (f.index() + 1) + " has " + f.landmarks().size()
						+ " points but scheme " + scheme.name() + " has " + scheme.size());
			}
		}
	}

	private static double round1(double v) {
		return Math.round(v * 10.0) / 10.0;
	}

	private static String format1(double v) {
		return String.format(java.util.Locale.ROOT, "%.1f", v);
	}

	private static double round3(double v) {
		return Math.round(v * 1000.0) / 1000.0;
	}

	/** Rows of one face collected while reading. */
	private static final class FacePoints {
		final List<Point2> points = new ArrayList<>();
		final List<Double> confidence = new ArrayList<>();
		final List<Boolean> occluded = new ArrayList<>();

		Landmarks toLandmarks() {
			double[] c = new double[points.size()];
			boolean[] o = new boolean[points.size()];
			for (int i = 0; i < c.length; i++) {
				c[i] = confidence.get(i);
				o[i] = occluded.get(i);
			}
			return new Landmarks(points, c, o);
		}
	}
}
