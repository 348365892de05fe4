package io.github.landmarkj.command;

import io.github.landmarkj.io.OutputFolders;
import ij.IJ;
import ij.ImagePlus;
import io.github.landmarkj.detect.DetectorSettings;
import io.github.landmarkj.detect.FaceFinder;
import io.github.landmarkj.engine.Devices;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.engine.TestTimeAugmentation;
import io.github.landmarkj.ij.Cancellation;
import io.github.landmarkj.ij.FaceRegions;
import io.github.landmarkj.ij.HeatmapImages;
import io.github.landmarkj.ij.ImageJSession;
import io.github.landmarkj.ij.LandmarkDetection;
import io.github.landmarkj.ij.LandmarkFileOutputs;
import io.github.landmarkj.ij.LandmarkOverlay;
import io.github.landmarkj.ij.LandmarkResultsTable;
import io.github.landmarkj.ij.LandmarkRois;
import io.github.landmarkj.ij.Plane;
import io.github.landmarkj.ij.PlaneFaces;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Plugins › LandmarkJ › Detect Landmarks: landmarks of the faces on the current image. */
@Plugin(type = Command.class, menuPath = "Plugins>LandmarkJ>Detect Landmarks")
public final class DetectLandmarksCommand extends LandmarkJCommand {
	static final String TITLE = "Detect Landmarks";

	@Parameter(label = "Image")
	private ImagePlus image;
	// The detector by default: a newcomer opens a photo and runs the command without drawing anything.
	@Parameter(label = "Face regions", choices = {"Detect faces", "Current ROI", "ROI Manager", "Whole image"}, persist = false)
	private String regions = "Detect faces";
	@Parameter(label = "Detector score threshold (0: the detector's own)", min = "0", max = "0.99", stepSize = "0.05", persist = false)
	private double score_threshold = 0;
	@Parameter(label = "Smallest face to find, pixels (0: faces down to about a twelfth of the image's short side)", min = "0",
			required = false, persist = false)
	private double min_face_size = 0;
	@Parameter(label = "Confirm faces (a second detector must agree: fewer false detections, ~0.1 s more per image)", required = false,
			persist = false)
	private boolean confirm_faces = false;
	@Parameter(label = "Model (bundled name or folder)", persist = false)
	private String model = "face68";
	@Parameter(label = "Flip averaging (also the mirror image: a little more accurate, twice the time)", required = false, persist = false)
	private boolean flip_averaging = false;
	@Parameter(label = "Planes", choices = {"Current plane", "All planes"}, persist = false)
	private String planes = "Current plane";
	@Parameter(label = "Device", choices = {"auto", "cpu", "gpu"}, persist = false)
	private String device = "auto";
	@Parameter(label = "Add overlay", persist = false)
	private boolean add_overlay = true;
	@Parameter(label = "Add to ROI Manager", persist = false)
	private boolean add_to_roi_manager = false;
	@Parameter(label = "Show results table", persist = false)
	private boolean show_results = true;
	@Parameter(label = "Heat-map image (current plane)", persist = false)
	private boolean heatmaps = false;
	@Parameter(label = "Occlusion map (current plane)", persist = false)
	private boolean occlusion_map = false;
	@Parameter(label = "Output folder (CSV, .pts, JSON; optional)", required = false, persist = false)
	private String output_folder = "";
	@Parameter(label = "Overwrite existing files", persist = false)
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus heatmap_image;
	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus occlusion_image;

	@Parameter
	private ImageJSession session;

	public DetectLandmarksCommand() {
		super(TITLE);
	}

	@Override
	void execute() throws IOException {
		// Before the model is loaded and the planes analysed.
		if (PathParameters.optional(output_folder) != null) {
			OutputFolders.requireWritable(PathParameters.optional(output_folder));
		}
		try (LandmarkDetector detector = LandmarkDetector.open(model, Devices.choose(Devices.Preference.parse(device)),
				TestTimeAugmentation.of(flip_averaging))) {
			FaceRegions.Source source = FaceRegions.Source.parse(regions);
			// The detector's first landmark pass uses the chosen landmark model, so both share the device.
			try (FaceFinder finder = source == FaceRegions.Source.DETECT_FACES
					? detection().open(detector, detector.device()) : null) {
				detect(detector, new FaceRegions(source, source == FaceRegions.Source.ROI_MANAGER ? session.roiManager() : null, finder));
			}
		}
	}

	/** The bundled detector (with box refinement) for "Detect faces". */
	DetectorSettings detection() {
		return DetectorSettings.bundled(score_threshold, min_face_size).withFacesConfirmed(confirm_faces);
	}

	private void detect(LandmarkDetector detector, FaceRegions faceRegions) throws IOException {
		BooleanSupplier cancelled = Cancellation.ofCurrentThread();
		List<Plane> todo = "All planes".equalsIgnoreCase(planes) ? Plane.all(image) : Collections.singletonList(Plane.current(image));
		status.showStatus("LandmarkJ: " + detector.origin() + " on " + Devices.describe(detector.device()));
		List<PlaneFaces> found = new LandmarkDetection(detector, faceRegions).run(image, todo,
				(done, total) -> status.showProgress(done, total), cancelled);
		if (found.isEmpty()) {
			cancel("Cancelled before the first plane");
			return;
		}
		var scheme = detector.modelPackage().spec().scheme;
		if (add_overlay) {
			LandmarkOverlay.add(image, found, scheme);
		}
		if (add_to_roi_manager) {
			addToRoiManager(found);
		}
		if (show_results) {
			LandmarkResultsTable.fill(session.resultsTable(), image, found, scheme);
			LandmarkResultsTable.show(session.resultsTable(), "Results");
		}
		PlaneFaces shown = found.stream().filter(p -> p.plane.stackIndex == image.getCurrentSlice()).findFirst().orElse(found.get(0));
		int faces = PlaneFaces.faceCount(found);
		// Blank maps would only look like a failure: with no face there are none.
		heatmap_image = heatmaps && faces > 0 ? HeatmapImages.heatmaps(image, shown, scheme) : null;
		occlusion_image = occlusion_map && faces > 0 ? HeatmapImages.occlusion(image, shown) : null;
		if (PathParameters.optional(output_folder) != null) {
			LandmarkFileOutputs.write(image, found, scheme, PathParameters.optional(output_folder), todo.size() > 1, overwrite);
		}
		if (faces == 0) {
			IJ.log(TITLE + ": no face found on " + image.getTitle());
		}
		String summary = faces + " face(s) on " + found.size() + " plane(s)"
				+ (found.size() < todo.size() ? ", cancelled after " + found.size() + " of " + todo.size() + " planes" : "");
		status.showStatus("LandmarkJ: " + summary);
		log.info(TITLE + ": " + summary);
	}

	private void addToRoiManager(List<PlaneFaces> found) {
		try {
			LandmarkRois.addTo(session.roiManagerOrCreate(), found);
		} catch (IllegalStateException e) {
			// A macro recorded with the GUI should still run headless: files are what count there.
			log.warn(TITLE + ": landmarks not added to the ROI Manager. " + e.getMessage());
		}
	}

}
