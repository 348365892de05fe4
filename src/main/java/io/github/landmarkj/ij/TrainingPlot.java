package io.github.landmarkj.ij;

import ij.gui.Plot;
import ij.gui.PlotWindow;

import java.awt.Color;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * A live plot of training: loss and validation NME (%) per epoch on a logarithmic axis, since the
 * two differ by orders of magnitude. Redrawn after every epoch; without a display nothing is shown.
 */
public final class TrainingPlot {
	private final String title;
	private final List<double[]> history = new ArrayList<>();
	private int epochs;
	private PlotWindow window;

	public TrainingPlot(String title) {
		this.title = title;
	}

	/**
	 * Adds an epoch and redraws; safe to call from the training thread.
	 * @param validationNme a fraction (plotted in percent)
	 */
	public synchronized void add(int epoch, int plannedEpochs, double trainingLoss, double validationNme) {
		history.add(new double[] {epoch, trainingLoss, validationNme});
		epochs = plannedEpochs;
		if (GraphicsEnvironment.isHeadless()) {
			return;
		}
		Plot plot = build(title, history, epochs);
		EventQueue.invokeLater(() -> show(plot));
	}

	private synchronized void show(Plot plot) {
		if (window == null || window.isClosed()) {
			window = plot.show();
		} else {
			window.drawPlot(plot);
		}
	}

	/** The plot of the epochs so far ({epoch, loss, NME} each): training loss (blue) and validation NME in percent (red). */
	static Plot build(String title, List<double[]> history, int plannedEpochs) {
		int n = history.size();
		double[] x = new double[n], loss = new double[n], nme = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = history.get(i)[0];
			loss[i] = history.get(i)[1];
			nme[i] = 100 * history.get(i)[2];
		}
		Plot plot = new Plot(title, "epoch", "loss / NME (%)");
		plot.setLogScaleY();
		plot.setColor(Color.BLUE);
		plot.addPoints(x, loss, Plot.CONNECTED_CIRCLES);
		plot.setColor(Color.RED);
		plot.addPoints(x, nme, Plot.CONNECTED_CIRCLES);
		plot.addLegend("training loss\nvalidation NME(io) %");
		if (n > 0) {
			plot.setLimits(0, Math.max(2, plannedEpochs), Double.NaN, Double.NaN);
		}
		return plot;
	}
}
