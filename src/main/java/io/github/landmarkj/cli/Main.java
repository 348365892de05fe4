package io.github.landmarkj.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code java -jar landmarkj-cli.jar <verb> ...}: the command-line tool. */
public final class Main {
	private Main() {
	}

	static Map<String, Verb> verbs() {
		Map<String, Verb> v = new LinkedHashMap<>();
		v.put("detect", new DetectVerb());
		v.put("evaluate", new EvaluateVerb());
		v.put("train", new TrainVerb());
		v.put("train-detector", new TrainDetectorVerb());
		v.put("train-temporal", new TrainTemporalVerb());
		v.put("bench", new BenchVerb());
		v.put("info", new InfoVerb());
		return v;
	}

	public static void main(String[] args) {
		// Runs offline unless the user says otherwise: nothing is downloaded behind their back.
		if (System.getProperty("ai.djl.offline") == null) {
			System.setProperty("ai.djl.offline", "true");
		}
		System.exit(run(args, System.out, System.err));
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		Map<String, Verb> verbs = verbs();
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
			out.println("landmarkj <verb> [options]; verbs: " + String.join(", ", verbs.keySet()) + "; <verb> --help for details");
			return args.length == 0 ? 2 : 0;
		}
		Verb verb = verbs.get(args[0]);
		if (verb == null) {
			err.println("Unknown verb '" + args[0] + "'; verbs: " + String.join(", ", verbs.keySet()));
			return 2;
		}
		try {
			return verb.run(Arrays.copyOfRange(args, 1, args.length), out);
		} catch (UsageException e) {
			err.println("Error: " + e.getMessage());
			return 2;
		} catch (Exception e) {
			err.println("Error: " + e.getMessage());
			return 1;
		}
	}
}
