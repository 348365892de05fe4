package io.github.landmarkj.eval;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * Accuracy over a set of faces: per-face NME (inter-ocular and inter-pupil), per-point mean error
 * (inter-ocular) and what follows from them. Immutable.
 * The AUC and failure rates are those of the {@link CedCurve} of NME(io) up to the threshold.
 */
public final class EvaluationSummary {
	private final double[] nmeInterOcular;
	private final double[] nmeInterPupil;
	private final double[] pointNme;

	EvaluationSummary(double[] nmeInterOcular, double[] nmeInterPupil, double[] pointNme) {
		if (nmeInterOcular.length == 0 || nmeInterOcular.length != nmeInterPupil.length) {
			throw new IllegalArgumentException("Need the same, non-zero number of inter-ocular and inter-pupil errors");
		}
		this.nmeInterOcular = nmeInterOcular.clone();
		this.nmeInterPupil = nmeInterPupil.clone();
		this.pointNme = pointNme.clone();
	}

	/** Number of faces. */
	public int count() {
		return nmeInterOcular.length;
	}

	public double meanNmeInterOcular() {
		return mean(nmeInterOcular);
	}

	/** NaN when the scheme has no eye groups. */
	public double meanNmeInterPupil() {
		return mean(nmeInterPupil);
	}

	/** Fraction of faces whose NME(io) exceeds {@code threshold}. */
	public double failureRate(double threshold) {
		return ced(threshold).failureRate();
	}

	/** Area under the CED curve of NME(io) from 0 to {@code threshold}, divided by it: in [0, 1]. */
	public double auc(double threshold) {
		return ced(threshold).auc();
	}

	/** The CED curve of NME(io) from 0 to {@code maxError}. */
	public CedCurve ced(double maxError) {
		return new CedCurve(nmeInterOcular, maxError);
	}

	public double failureRate8() {
		return failureRate(0.08);
	}

	public double failureRate10() {
		return failureRate(0.10);
	}

	public double auc8() {
		return auc(0.08);
	}

	public double auc10() {
		return auc(0.10);
	}

	/** Per-face NME(io), in the order the faces were given. */
	public double[] faceNmeInterOcular() {
		return nmeInterOcular.clone();
	}

	/** Per-face NME(ip), in the order the faces were given. */
	public double[] faceNmeInterPupil() {
		return nmeInterPupil.clone();
	}

	/** Mean error of each point over all faces, divided by the inter-ocular distance. */
	public double[] pointNmeInterOcular() {
		return pointNme.clone();
	}

	/** All figures as pretty-printed JSON; NaN values become null. */
	public String toJson() {
		JsonObject o = new JsonObject();
		o.addProperty("faces", count());
		add(o, "nme_inter_ocular", meanNmeInterOcular());
		add(o, "nme_inter_pupil", meanNmeInterPupil());
		add(o, "failure_rate_8", failureRate8());
		add(o, "failure_rate_10", failureRate10());
		add(o, "auc_8", auc8());
		add(o, "auc_10", auc10());
		o.add("point_nme_inter_ocular", array(pointNme));
		o.add("face_nme_inter_ocular", array(nmeInterOcular));
		o.add("face_nme_inter_pupil", array(nmeInterPupil));
		return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(o);
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT,
				"%d faces: NME(io) %.4f, NME(ip) %.4f, FR@8%% %.4f, FR@10%% %.4f, AUC@8%% %.4f, AUC@10%% %.4f", count(),
				meanNmeInterOcular(), meanNmeInterPupil(), failureRate8(), failureRate10(), auc8(), auc10());
	}

	private static void add(JsonObject o, String key, double v) {
		if (Double.isFinite(v)) {
			o.addProperty(key, v);
		} else {
			o.add(key, JsonNull.INSTANCE);
		}
	}

	private static JsonArray array(double[] values) {
		JsonArray a = new JsonArray();
		for (double v : values) {
			if (Double.isFinite(v)) {
				a.add(v);
			} else {
				a.add(JsonNull.INSTANCE);
			}
		}
		return a;
	}

	private static double mean(double[] v) {
		double s = 0;
		for (double x : v) {
			s += x;
		}
		return s / v.length;
	}
}
