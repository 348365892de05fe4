package io.github.landmarkj.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one verb; a name may repeat, {@code --flag} alone means true. */
final class Args {
	private final Map<String, List<String>> values = new LinkedHashMap<>();

	Args(String[] args, Set<String> flags) {
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (!a.startsWith("--")) {
				throw new UsageException("Unexpected argument '" + a + "': options look like --name value");
			}
			String name = a.substring(2);
			if (flags.contains(name)) {
				values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
			} else {
				if (i + 1 >= args.length) {
					throw new UsageException("Option --" + name + " needs a value");
				}
				values.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
			}
		}
	}

	boolean has(String name) {
		return values.containsKey(name);
	}

	String get(String name, String fallback) {
		List<String> v = values.get(name);
		return v == null ? fallback : v.get(v.size() - 1);
	}

	String required(String name) {
		String v = get(name, null);
		if (v == null) {
			throw new UsageException("Missing --" + name);
		}
		return v;
	}

	List<String> all(String name) {
		return values.getOrDefault(name, Collections.emptyList());
	}

	Path path(String name, Path fallback) {
		String v = get(name, null);
		return v == null ? fallback : Paths.get(v);
	}

	/** Every value of a repeatable option, each an existing folder; at least one. */
	List<Path> folders(String name) {
		List<Path> folders = new ArrayList<>();
		for (String d : all(name)) {
			Path p = Paths.get(d);
			if (!Files.isDirectory(p)) {
				throw new UsageException("--" + name + " " + d + " is not a folder");
			}
			folders.add(p);
		}
		if (folders.isEmpty()) {
			throw new UsageException("Give at least one --" + name + " folder");
		}
		return folders;
	}

	/**
	 * The folder a verb writes a model to: required, and refused when it already holds {@code marker}
	 * unless --overwrite is given (a finished model is never replaced by accident).
	 */
	Path modelOutput(String name, String marker) {
		Path output = path(name, null);
		if (output == null) {
			throw new UsageException("Missing --" + name);
		}
		if (Files.exists(output.resolve(marker)) && !flag("overwrite")) {
			throw new UsageException(output + " already holds a model: pass --overwrite to replace it");
		}
		return output;
	}

	int integer(String name, int fallback) {
		String v = get(name, null);
		try {
			return v == null ? fallback : Integer.parseInt(v);
		} catch (NumberFormatException e) {
			throw new UsageException("--" + name + " needs a whole number, got '" + v + "'");
		}
	}

	double number(String name, double fallback) {
		String v = get(name, null);
		try {
			return v == null ? fallback : Double.parseDouble(v);
		} catch (NumberFormatException e) {
			throw new UsageException("--" + name + " needs a number, got '" + v + "'");
		}
	}

	/** An option written out as {@code --name true} or {@code --name false}. */
	boolean bool(String name, boolean fallback) {
		String v = get(name, null);
		if (v == null) {
			return fallback;
		}
		if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
			throw new UsageException("--" + name + " needs true or false, got '" + v + "'");
		}
		return Boolean.parseBoolean(v);
	}

	boolean flag(String name) {
		return has(name);
	}

	void allowOnly(Set<String> known) {
		for (String k : values.keySet()) {
			if (!known.contains(k)) {
				throw new UsageException("Unknown option --" + k);
			}
		}
	}
}
