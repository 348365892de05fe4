package io.github.landmarkj.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A part of a {@code model.json} being read: every accessor names the key it wanted with its full path
 * ({@code landmarks.heatmaps.sigma}) when the key is missing or has the wrong type, instead of a Gson
 * null pointer.
 */
public final class JsonSection {
	private final JsonObject object;
	private final String path;
	private final String file;

	/** @param file the file being read, for messages ("model.json of bundled:face68") */
	public JsonSection(JsonObject object, String path, String file) {
		this.object = object;
		this.path = path;
		this.file = file;
	}

	/** The whole document of a file. */
	public static JsonSection root(JsonObject object, String file) {
		return new JsonSection(object, "", file);
	}

	public boolean has(String key) {
		return object.has(key) && !object.get(key).isJsonNull();
	}

	public String string(String key) throws ModelFormatException {
		return primitive(key, "a text", any -> true).getAsString();
	}

	public String string(String key, String fallback) throws ModelFormatException {
		return has(key) ? string(key) : fallback;
	}

	public double number(String key) throws ModelFormatException {
		return primitive(key, "a number", JsonPrimitive::isNumber).getAsDouble();
	}

	public int integer(String key) throws ModelFormatException {
		double v = number(key);
		if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
			throw wrongType(key, "a whole number");
		}
		return (int) v;
	}

	public boolean bool(String key) throws ModelFormatException {
		return primitive(key, "true or false", JsonPrimitive::isBoolean).getAsBoolean();
	}

	public JsonSection section(String key) throws ModelFormatException {
		JsonElement e = element(key);
		if (!e.isJsonObject()) {
			throw wrongType(key, "an object { ... }");
		}
		return new JsonSection(e.getAsJsonObject(), pathOf(key), file);
	}

	/** A section kept as it is (e.g. the free-form training record), or an empty one. */
	public JsonObject optionalObject(String key) throws ModelFormatException {
		return has(key) ? section(key).object.deepCopy() : new JsonObject();
	}

	public List<JsonSection> sections(String key) throws ModelFormatException {
		JsonArray a = array(key);
		List<JsonSection> out = new ArrayList<>(a.size());
		for (int i = 0; i < a.size(); i++) {
			if (!a.get(i).isJsonObject()) {
				throw wrongType(key + "[" + i + "]", "an object { ... }");
			}
			out.add(new JsonSection(a.get(i).getAsJsonObject(), pathOf(key) + "[" + i + "]", file));
		}
		return out;
	}

	public List<String> strings(String key) throws ModelFormatException {
		JsonArray a = array(key);
		List<String> out = new ArrayList<>(a.size());
		for (int i = 0; i < a.size(); i++) {
			if (!a.get(i).isJsonPrimitive()) {
				throw wrongType(key + "[" + i + "]", "a text");
			}
			out.add(a.get(i).getAsString());
		}
		return out;
	}

	public int[] integers(String key) throws ModelFormatException {
		double[] d = numbers(key);
		int[] v = new int[d.length];
		for (int i = 0; i < v.length; i++) {
			if (d[i] != Math.rint(d[i])) {
				throw wrongType(key + "[" + i + "]", "a whole number");
			}
			v[i] = (int) d[i];
		}
		return v;
	}

	public float[] floats(String key) throws ModelFormatException {
		JsonArray a = array(key);
		float[] v = new float[a.size()];
		for (int i = 0; i < v.length; i++) {
			v[i] = numberAt(a, key, i).getAsFloat();
		}
		return v;
	}

	private double[] numbers(String key) throws ModelFormatException {
		JsonArray a = array(key);
		double[] v = new double[a.size()];
		for (int i = 0; i < v.length; i++) {
			v[i] = numberAt(a, key, i).getAsDouble();
		}
		return v;
	}

	private JsonPrimitive numberAt(JsonArray a, String key, int i) throws ModelFormatException {
		JsonElement e = a.get(i);
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
			throw wrongType(key + "[" + i + "]", "a number");
		}
		return e.getAsJsonPrimitive();
	}

	private JsonArray array(String key) throws ModelFormatException {
		JsonElement e = element(key);
		if (!e.isJsonArray()) {
			throw wrongType(key, "a list [ ... ]");
		}
		return e.getAsJsonArray();
	}

	/** The key's value when it is a primitive of the kind {@code ofKind} accepts, else an error that says {@code expected}. */
	private JsonPrimitive primitive(String key, String expected, Predicate<JsonPrimitive> ofKind) throws ModelFormatException {
		JsonElement e = element(key);
		if (!e.isJsonPrimitive() || !ofKind.test(e.getAsJsonPrimitive())) {
			throw wrongType(key, expected);
		}
		return e.getAsJsonPrimitive();
	}

	private JsonElement element(String key) throws ModelFormatException {
		if (!has(key)) {
			throw new ModelFormatException(file + " lacks the key '" + pathOf(key) + "': add it (see the model.json of a bundled "
					+ "model, e.g. models/face68) or export the model again");
		}
		return object.get(key);
	}

	private ModelFormatException wrongType(String key, String expected) {
		return new ModelFormatException(file + ": the key '" + pathOf(key) + "' should be " + expected);
	}

	private String pathOf(String key) {
		return path.isEmpty() ? key : path + "." + key;
	}
}
