package io.github.landmarkj.command;

import io.github.landmarkj.io.OutputFolders;
import ij.IJ;
import io.github.landmarkj.engine.Devices;
import io.github.landmarkj.ij.Cancellation;
import io.github.landmarkj.ij.ImageJSession;
import io.github.landmarkj.ij.RoiAnnotations;
import io.github.landmarkj.ij.RoiStore;
import io.github.landmarkj.ij.TrainingPlot;
import io.github.landmarkj.train.TrainingData;
import io.github.landmarkj.train.TrainingRun;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Plugins › LandmarkJ › Train Landmark Model: trains or fine-tunes a model on annotated folders or ROI Manager points. */
@Plugin(type = Command.class, menuPath = "Plugins>LandmarkJ>Train Landmark Model")
public final class TrainLandmarkModelCommand extends LandmarkJCommand {
	static final String TITLE = "Train Landmark Model";
	static final String FOLDER = "Folder", ROI_MANAGER = "ROI Manager";

	@Parameter(label = "Training data", choices = {FOLDER, ROI_MANAGER}, persist = false)
	private String data_source = FOLDER;
	@Parameter(label = "Annotated folder (images + .pts)", required = false, persist = false)
	private String data_folder = "";
	@Parameter(label = "Start from model (bundled name, folder, or none)", persist = false)
	private String init_model = "face68";
	@Parameter(label = "Epochs", min = "1", persist = false)
	private int epochs = 20;
	@Parameter(label = "Batch size", min = "1", persist = false)
	private int batch_size = 8;
	@Parameter(label = "Learning rate", persist = false)
	private double learning_rate = 0.0005;
	@Parameter(label = "Validation fraction (0-0.5)", persist = false)
	private double validation_fraction = 0.125;
	@Parameter(label = "Output model folder", required = false, persist = false)
	private String output_folder = "";
	@Parameter(label = "Device", choices = {"auto", "cpu", "gpu"}, persist = false)
	private String device = "auto";
	@Parameter(label = "Resume from the last checkpoint", persist = false)
	private boolean resume = false;
	@Parameter(label = "Overwrite an existing model folder", persist = false)
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	@Parameter
	private ImageJSession session;

	public TrainLandmarkModelCommand() {
		super(TITLE);
	}

	@Override
	void execute() throws IOException {
		Path output = PathParameters.required(output_folder, "output_folder=<folder for the new model>");
		OutputFolders.requireWritable(output);
		TrainingRun run = TrainingRun.startingFrom(init_model, output.getFileName().toString());
		TrainingData data = ROI_MANAGER.equalsIgnoreCase(data_source) ? fromRoiManager(run) : fromFolder(run);
		TrainingPlot plot = new TrainingPlot("LandmarkJ training: " + output.getFileName());
		TrainingRun.Outcome outcome = run.run(data, epochs, batch_size, learning_rate, resume,
				Devices.choose(Devices.Preference.parse(device)), output, overwrite, IJ::log, report -> {
					plot.add(report.epoch(), report.epochs(), report.trainingLoss(), report.validationNme());
					status.showProgress(report.epoch(), report.epochs());
					status.showStatus("LandmarkJ training: " + report);
				}, Cancellation.ofCurrentThread());
		double nme = outcome.history.isEmpty() ? Double.NaN : outcome.history.get(outcome.history.size() - 1).validationNme();
		summary = outcome.cancelled() ? "Cancelled after " + outcome.history.size() + " epoch(s); the last checkpoint is in "
				+ outcome.checkpoints + " (run again with resume=true to continue)"
				: String.format(Locale.ROOT, "Wrote %s: %d training, %d validation faces, validation NME(io) %.2f%%", output_folder,
						data.training.size(), data.validation.size(), 100 * nme);
		log.info(TITLE + ": " + summary);
		IJ.log(summary);
		if (outcome.cancelled()) {
			cancel(summary);
		}
	}

	private TrainingData fromFolder(TrainingRun run) throws IOException {
		Path folder = PathParameters.required(data_folder, "data_folder=<folder of images with .pts files>, or data_source=[ROI Manager]");
		return run.loadFolder(folder, validation_fraction, IJ::log);
	}

	private TrainingData fromRoiManager(TrainingRun run) {
		RoiStore rois = session.roiManager();
		if (rois == null) {
			throw new IllegalStateException("data_source=[ROI Manager] but there is no ROI Manager: put one multi-point ROI of "
					+ run.modelPackage().spec().scheme.size() + " points per face in it, with its image open");
		}
		RoiAnnotations annotations = RoiAnnotations.read(session.openImages(), rois.rois(), run.modelPackage().spec().scheme.size(),
				run.faceSideAtInput());
		annotations.skipped().forEach(s -> IJ.log("Skipped " + s));
		TrainingData data = TrainingRun.split(annotations.faces(), validation_fraction);
		IJ.log("ROI Manager: " + data.training.size() + " training and " + data.validation.size() + " validation faces");
		return data;
	}
}
