package io.github.landmarkj.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.github.landmarkj.core.Point2;

/**
 * Reads face annotations in the COCO keypoint format (as used by mmpose for 300-W, WFLW, COFW, 300-VW):
 * {@code images} with {@code id} and {@code file_name}, {@code annotations} with {@code image_id} and
 * {@code keypoints} as flat {@code [x, y, v]} triples. Coordinates are taken as 0-based pixels. Image
 * paths are resolved against the JSON file's folder.
 * <p>
 * Visibility: COCO says v=2 visible, v=1 labelled but not visible, v=0 not labelled. v=1 and v=0 points
 * are marked occluded (v=0 points have no real position; they are kept so that every face has the
 * scheme's point count, and the flag tells training to ignore them). Some exporters, among them mmpose's
 * 300-W, WFLW and 300-VW files, write v=1 for every point and never v=2: they carry no visibility
 * information, and reading them the COCO way would mark every point occluded. So when a file contains no
 * v=2 at all, v=1 is read as visible.
 * Annotations whose points are all v=0 are skipped: they mark a face without landmarks.
 */
public final class CocoKeypointReader {
	private CocoKeypointReader() {
	}

	public static List<AnnotatedFace> read(Path json) throws IOException {
		JsonObject root;
		try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
			JsonElement e = JsonParser.parseReader(r);
			if (!e.isJsonObject()) {
				throw new MalformedFileException(json, 0, "expected a JSON object with 'images' and 'annotations'");
			}
			root = e.getAsJsonObject();
		} catch (JsonParseException e) {
			throw new MalformedFileException(json, 0, "not valid JSON: " + e.getMessage(), e);
		}
		Path folder = json.toAbsolutePath().getParent();
		Map<String, String> fileNames = imageFileNames(json, root);
		JsonArray annotations = array(json, root, "annotations");
		boolean hasVisibleFlag = containsVisibilityTwo(json, annotations);
		List<AnnotatedFace> faces = new ArrayList<>();
		int pointCount = -1;
		for (int a = 0; a < annotations.size(); a++) {
			JsonObject ann = object(json, annotations.get(a), "annotation " + (a + 1));
			String where = "annotation " + (ann.has("id") ? "id " + ann.get("id").getAsString() : "#" + (a + 1));
			String imageId = string(json, ann, "image_id", where);
			String fileName = fileNames.get(imageId);
			if (fileName == null) {
				throw new MalformedFileException(json, 0, where + " refers to image_id " + imageId + ", which is not in 'images'");
			}
			double[] k = keypoints(json, ann, where);
			int n = k.length / 3;
			List<Point2> points = new ArrayList<>(n);
			boolean[] occluded = new boolean[n];
			boolean anyLabelled = false;
			for (int i = 0; i < n; i++) {
				points.add(new Point2(k[3 * i], k[3 * i + 1]));
				int v = (int) Math.round(k[3 * i + 2]);
				anyLabelled |= v > 0;
				occluded[i] = v <= 0 || (v == 1 && hasVisibleFlag);
			}
			if (!anyLabelled) {
				continue;
			}
			if (pointCount >= 0 && n != pointCount) {
				throw new MalformedFileException(json, 0, where + " has " + n + " keypoints but earlier annotations have "
						+ pointCount + "; a file must use one landmark scheme");
			}
			pointCount = n;
			String id = fileName + "#" + (ann.has("id") ? ann.get("id").getAsString() : String.valueOf(a + 1));
			faces.add(new AnnotatedFace(folder.resolve(fileName).normalize(), points, occluded, id));
		}
		return Collections.unmodifiableList(faces);
	}

	private static Map<String, String> imageFileNames(Path json, JsonObject root) throws MalformedFileException {
		JsonArray images = array(json, root, "images");
		Map<String, String> names = new HashMap<>();
		for (int i = 0; i < images.size(); i++) {
			String where = "image entry " + (i + 1);
			JsonObject image = object(json, images.get(i), where);
			names.put(string(json, image, "id", where), string(json, image, "file_name", where));
		}
		return names;
	}

	private static boolean containsVisibilityTwo(Path json, JsonArray annotations) throws MalformedFileException {
		for (int a = 0; a < annotations.size(); a++) {
			JsonObject ann = object(json, annotations.get(a), "annotation " + (a + 1));
			double[] k = keypoints(json, ann, "annotation " + (a + 1));
			for (int i = 2; i < k.length; i += 3) {
				if (Math.round(k[i]) == 2) {
					return true;
				}
			}
		}
		return false;
	}

	private static double[] keypoints(Path json, JsonObject ann, String where) throws MalformedFileException {
		JsonElement e = ann.get("keypoints");
		if (e == null || !e.isJsonArray()) {
			throw new MalformedFileException(json, 0, where + " has no 'keypoints' array");
		}
		JsonArray arr = e.getAsJsonArray();
		if (arr.size() == 0 || arr.size() % 3 != 0) {
			throw new MalformedFileException(json, 0, where + " has " + arr.size()
					+ " keypoint values; expected [x, y, v] triples");
		}
		double[] k = new double[arr.size()];
		for (int i = 0; i < k.length; i++) {
			try {
				k[i] = arr.get(i).getAsDouble();
			} catch (RuntimeException ex) {
				throw new MalformedFileException(json, 0, where + ": keypoint value " + (i + 1) + " is not a number", ex);
			}
		}
		return k;
	}

	private static JsonArray array(Path json, JsonObject o, String key) throws MalformedFileException {
		JsonElement e = o.get(key);
		if (e == null || !e.isJsonArray()) {
			throw new MalformedFileException(json, 0, "no '" + key + "' array; is this a COCO keypoint file?");
		}
		return e.getAsJsonArray();
	}

	private static JsonObject object(Path json, JsonElement e, String where) throws MalformedFileException {
		if (!e.isJsonObject()) {
			throw new MalformedFileException(json, 0, where + " is not a JSON object");
		}
		return e.getAsJsonObject();
	}

	private static String string(Path json, JsonObject o, String key, String where) throws MalformedFileException {
		JsonElement e = o.get(key);
		if (e == null || !e.isJsonPrimitive()) {
			throw new MalformedFileException(json, 0, where + " has no '" + key + "'");
		}
		return e.getAsString();
	}
}
