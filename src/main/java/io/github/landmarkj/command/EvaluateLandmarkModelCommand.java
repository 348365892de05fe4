package io.github.landmarkj.command;

import io.github.landmarkj.io.OutputFolders;
import ij.IJ;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.engine.Devices;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.TestTimeAugmentation;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;
import io.github.landmarkj.io.BoxFile;
import io.github.landmarkj.eval.EvaluationFiles;
import io.github.landmarkj.ij.CedPlot;
import io.github.landmarkj.eval.ModelEvaluation;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Plugins › LandmarkJ › Evaluate Landmark Model: NME, failure rate, AUC and CED of a model on annotated images. */
@Plugin(type = Command.class, menuPath = "Plugins>LandmarkJ>Evaluate Landmark Model")
public final class EvaluateLandmarkModelCommand extends LandmarkJCommand {
	static final String TITLE = "Evaluate Landmark Model";

	@Parameter(label = "Annotated folder (images + .pts)", required = false, persist = false)
	private String data_folder = "";
	@Parameter(label = "Model (bundled name or folder)", persist = false)
	private String model = "face68";
	@Parameter(label = "Face boxes CSV (optional; else ground-truth boxes)", required = false, persist = false)
	private String boxes_csv = "";
	@Parameter(label = "Output folder", required = false, persist = false)
	private String output_folder = "";
	@Parameter(label = "Flip averaging (also the mirror image: a little more accurate, twice the time)", required = false, persist = false)
	private boolean flip_averaging = false;
	@Parameter(label = "Device", choices = {"auto", "cpu", "gpu"}, persist = false)
	private String device = "auto";
	@Parameter(label = "Overwrite existing files", persist = false)
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	public EvaluateLandmarkModelCommand() {
		super(TITLE);
	}

	@Override
	void execute() throws IOException {
		Path data = PathParameters.required(data_folder, "data_folder=<images with .pts files>");
		Path output = PathParameters.required(output_folder, "output_folder=<folder for the report>");
		OutputFolders.requireWritable(output);
		Path boxesFile = PathParameters.optional(boxes_csv);
		AnnotatedFolderReader.Result found = AnnotatedFolderReader.read(data);
		for (AnnotatedFolderReader.Skipped skipped : found.skipped()) {
			IJ.log(TITLE + ": skipping " + skipped);
		}
		List<AnnotatedFace> faces = found.faces();
		if (faces.isEmpty()) {
			throw new IOException("No annotated faces in " + data_folder + ": each image needs a .pts (or .csv) file of the same name");
		}
		Map<String, List<FaceBox>> boxes = boxesFile == null ? Collections.emptyMap() : BoxFile.read(boxesFile);
		try (LandmarkDetector detector = LandmarkDetector.open(model, Devices.choose(Devices.Preference.parse(device)),
				TestTimeAugmentation.of(flip_averaging))) {
			ModelEvaluation.Outcome outcome = new ModelEvaluation(detector).evaluate(faces, boxes, message -> {
				status.showStatus(message);
				if (message.startsWith("Skipping") || message.contains("skipped")) {
					IJ.log(TITLE + ": " + message);
				}
			});
			EvaluationFiles.write(output, outcome, detector.modelPackage().spec().scheme, detector.modelPackage().name(), overwrite,
					CedPlot::writePng);
			summary = detector.origin() + ": " + outcome.summary + "; files in " + output_folder;
		}
		log.info(TITLE + ": " + summary);
		IJ.log(summary);
	}
}
