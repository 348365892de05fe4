package io.github.landmarkj.video;

import ai.djl.Device;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.detect.DetectorSettings;
import io.github.landmarkj.engine.MachineDescription;
import io.github.landmarkj.io.PtsFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tracking on real clips with per-frame annotations (300-VW layout: {@code <clip>/imgs/*.jpg} and
 * {@code <clip>/annot/*.pts}, 1-based): for raw output ({@code none}) and the One-Euro filter, the share of
 * frames where the annotated person carries the clip's first identity, success rate, NME (inter-ocular:
 * outer eye corners of the annotation) and normalised mean jitter (RMS over frames of the RMS over points of
 * the frame-to-frame change of the error, divided by the inter-ocular distance). The person is the track whose
 * points are nearest the annotation.
 * Run: {@code java -cp target/classes:target/test-classes:<deps> io.github.landmarkj.video.ClipTrackingDemo
 * ../shared/data/format-samples/300vw/001 ../shared/data/format-samples/300vw/401}
 */
public final class ClipTrackingDemo {
	private ClipTrackingDemo() {
	}

	public static void main(String[] args) throws Exception {
		System.out.println("Machine: " + MachineDescription.describe());
		try (TrackerNetworks networks = TrackerNetworks.open("face68", DetectorSettings.bundled(0), Device.cpu())) {
			for (String clip : args) {
				Path dir = Paths.get(clip);
				FolderFrames frames = new FolderFrames(dir.resolve("imgs"));
				List<List<Point2>> truth = new ArrayList<>();
				for (Path img : frames.files()) {
					String stem = img.getFileName().toString().replaceFirst("\\.[^.]+$", "");
					List<Point2> pts = new ArrayList<>();
					for (Point2 p : PtsFormat.read(dir.resolve("annot").resolve(stem + ".pts"))) {
						pts.add(new Point2(p.x - 1, p.y - 1)); // 300-VW .pts are 1-based
					}
					truth.add(pts);
				}
				System.out.printf(Locale.ROOT, "%s: %d frames (%s)%n", dir, frames.frameCount(), frames.files());
				// One tracking run; each smoother then works on the same raw tracks (smoothing is done per track afterwards).
				TrackingResult r = new VideoTracking(new NoSmoothing(), networks.poses()).run(frames, networks.tracker(TrackerSettings.defaults()),
						30, (d, t, f) -> { }, () -> false);
				for (String smoothing : new String[] {"none", "filter"}) {
					VideoTracking smoother = new VideoTracking(TrackSmoothers.classic(smoothing), networks.poses());
					List<Track> tracks = new ArrayList<>();
					for (Track t : r.rawTracks()) {
						tracks.add(new Track(t.faceId, smoother.smooth(t.frames())));
					}
					report(smoothing, tracks, truth);
				}
			}
		}
	}

	private static void report(String smoothing, List<Track> tracks, List<List<Point2>> truth) {
		int n = truth.size(), firstId = -1, sameId = 0, success = 0;
		double nme = 0;
		double[][] errX = new double[n][], errY = new double[n][];
		double[] iod = new double[n];
		for (int f = 0; f < n; f++) {
			List<Point2> gt = truth.get(f);
			iod[f] = gt.get(36).distance(gt.get(45));
			FrameEstimate best = null;
			int bestId = -1;
			double bestDist = Double.POSITIVE_INFINITY;
			for (Track t : tracks) {
				FrameEstimate e = t.at(f);
				if (e != null) {
					double d = meanDistance(e.landmarks().points(), gt);
					if (d < bestDist) {
						bestDist = d;
						best = e;
						bestId = t.faceId;
					}
				}
			}
			if (best == null || bestDist > iod[f]) {
				continue; // the person was not found on this frame
			}
			firstId = firstId < 0 ? bestId : firstId;
			sameId += bestId == firstId ? 1 : 0;
			success += best.success() ? 1 : 0;
			nme += bestDist / iod[f];
			errX[f] = new double[68];
			errY[f] = new double[68];
			for (int i = 0; i < 68; i++) {
				errX[f][i] = best.landmarks().point(i).x - gt.get(i).x;
				errY[f][i] = best.landmarks().point(i).y - gt.get(i).y;
			}
		}
		double jitter = 0;
		int steps = 0;
		for (int f = 1; f < n; f++) {
			if (errX[f] != null && errX[f - 1] != null) {
				double s = 0;
				for (int i = 0; i < 68; i++) {
					s += Math.pow(errX[f][i] - errX[f - 1][i], 2) + Math.pow(errY[f][i] - errY[f - 1][i], 2);
				}
				jitter += s / 68 / (iod[f] * iod[f]);
				steps++;
			}
		}
		System.out.printf(Locale.ROOT, "  %-6s identity kept on %d/%d frames, success %d/%d, NME(io) %.2f%%, jitter %.3f%% of IOD over %d step(s), "
				+ "%d track(s)%n", smoothing, sameId, n, success, n, 100 * nme / Math.max(1, sameId), steps == 0 ? Double.NaN : 100 * Math.sqrt(jitter / steps),
				steps, tracks.size());
	}

	private static double meanDistance(List<Point2> a, List<Point2> b) {
		double s = 0;
		for (int i = 0; i < a.size(); i++) {
			s += a.get(i).distance(b.get(i));
		}
		return s / a.size();
	}
}
