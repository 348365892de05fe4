package io.github.landmarkj.video;

import io.github.landmarkj.core.HeadPose;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.io.OutputFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One CSV per video, OpenFace-like: one row per frame and face, sorted by frame then face, columns
 * {@code frame,face_id,timestamp,confidence,success,pitch,yaw,roll,x_0..x_67,y_0..y_67}. {@code frame} counts
 * from 1 (as OpenFace and Fiji's T do), {@code face_id} from 1, {@code timestamp} in seconds; x and y are
 * 0-based pixels (three decimals); pitch, yaw, roll in degrees (one decimal; empty where there is no pose).
 * Written to a temporary file first and then moved, so a half-written file never has the final name; an
 * existing file is replaced only with {@code overwrite}.
 */
public final class TrackCsv {
	private TrackCsv() {
	}

	/** The header for faces of {@code points} points. */
	public static String header(int points) {
		StringBuilder h = new StringBuilder("frame,face_id,timestamp,confidence,success,pitch,yaw,roll");
		for (int i = 0; i < points; i++) {
			h.append(",x_").append(i);
		}
		for (int i = 0; i < points; i++) {
			h.append(",y_").append(i);
		}
		return h.toString();
	}

	public static void write(Path file, List<Track> tracks, boolean overwrite) throws IOException {
		List<int[]> rows = new ArrayList<>(); // {track index, frame index in track}
		int points = -1;
		for (int t = 0; t < tracks.size(); t++) {
			List<FrameEstimate> frames = tracks.get(t).frames();
			for (int k = 0; k < frames.size(); k++) {
				rows.add(new int[] {t, k});
				int n = frames.get(k).landmarks().size();
				if (points >= 0 && n != points) {
					throw new IllegalArgumentException("All faces of a track CSV need the same number of points: " + points + " and " + n);
				}
				points = n;
			}
		}
		rows.sort(Comparator.<int[]>comparingInt(r -> tracks.get(r[0]).frames().get(r[1]).frame()).thenComparingInt(r -> tracks.get(r[0]).faceId));
		int columns = Math.max(points, 0);
		OutputFiles.writeText(file, overwrite, w -> {
			w.write(header(columns));
			w.write("\n");
			for (int[] r : rows) {
				Track track = tracks.get(r[0]);
				w.write(row(track.faceId, track.frames().get(r[1])));
				w.write("\n");
			}
		});
	}

	private static String format3(double v) {
		return String.format(Locale.ROOT, "%.3f", v);
	}

	static String row(int faceId, FrameEstimate e) {
		StringBuilder s = new StringBuilder();
		HeadPose p = e.pose();
		s.append(e.frame() + 1).append(',').append(faceId).append(',').append(String.format(Locale.ROOT, "%.3f", e.timeSeconds())).append(',')
				.append(format3(e.confidence())).append(',').append(e.success() ? 1 : 0).append(',');
		if (p != null && p.isKnown()) {
			s.append(String.format(Locale.ROOT, "%.1f,%.1f,%.1f", p.pitch(), p.yaw(), p.roll()));
		} else {
			s.append(",,");
		}
		Landmarks l = e.landmarks();
		for (int i = 0; i < l.size(); i++) {
			s.append(',').append(format3(l.point(i).x));
		}
		for (int i = 0; i < l.size(); i++) {
			s.append(',').append(format3(l.point(i).y));
		}
		return s.toString();
	}
}
