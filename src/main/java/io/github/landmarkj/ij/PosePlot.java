package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.gui.Plot;
import io.github.landmarkj.video.FrameEstimate;
import io.github.landmarkj.video.Track;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** Head pose versus time: pitch (red), yaw (green), roll (blue) of each face, in degrees, over seconds; trusted frames only. */
public final class PosePlot {
	private PosePlot() {
	}

	public static Plot plot(String title, List<Track> tracks) {
		Plot plot = new Plot(title, "time (s)", "degrees");
		Color[] colours = {Color.RED, new Color(0, 160, 0), Color.BLUE};
		String[] names = {"pitch", "yaw", "roll"};
		StringBuilder legend = new StringBuilder();
		for (Track t : tracks) {
			List<Double> time = new ArrayList<>();
			List<List<Double>> angles = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
			for (FrameEstimate e : t.frames()) {
				if (e.success() && e.pose().isKnown()) {
					time.add(e.timeSeconds());
					angles.get(0).add(e.pose().pitch());
					angles.get(1).add(e.pose().yaw());
					angles.get(2).add(e.pose().roll());
				}
			}
			for (int k = 0; k < 3; k++) {
				plot.setColor(colours[k]);
				plot.setLineWidth(tracks.size() > 1 && t.faceId % 2 == 0 ? 2 : 1);
				plot.addPoints(toArray(time), toArray(angles.get(k)), Plot.LINE);
				legend.append("face ").append(t.faceId).append(' ').append(names[k]).append('\n');
			}
		}
		if (legend.length() > 0) {
			plot.addLegend(legend.toString());
		}
		plot.setLimitsToFit(false);
		return plot;
	}

	public static ImagePlus image(String title, List<Track> tracks) {
		return plot(title, tracks).getImagePlus();
	}

	private static double[] toArray(List<Double> v) {
		double[] a = new double[v.size()];
		for (int i = 0; i < a.length; i++) {
			a[i] = v.get(i);
		}
		return a;
	}
}
