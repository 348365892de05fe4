package io.github.landmarkj.command;

import ij.IJ;
import io.github.landmarkj.batch.BatchOptions;
import io.github.landmarkj.batch.BatchSummary;
import io.github.landmarkj.batch.FolderBatch;
import io.github.landmarkj.batch.ProgressListener;
import io.github.landmarkj.detect.DetectorSettings;
import io.github.landmarkj.engine.Devices;
import io.github.landmarkj.engine.TestTimeAugmentation;
import io.github.landmarkj.ij.Cancellation;
import io.github.landmarkj.ij.FaceRegions;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.IOException;
import java.util.Locale;

/** Plugins › LandmarkJ › Detect Landmarks in Folder: CSV/.pts/JSON (and annotated PNGs) for every image of a folder. */
@Plugin(type = Command.class, menuPath = "Plugins>LandmarkJ>Detect Landmarks in Folder")
public final class DetectLandmarksInFolderCommand extends LandmarkJCommand {
	static final String TITLE = "Detect Landmarks in Folder";

	@Parameter(label = "Input folder", required = false, persist = false)
	private String input_folder = "";
	@Parameter(label = "File pattern (glob)", persist = false)
	private String file_pattern = "*.{jpg,jpeg,png,tif,tiff,bmp}";
	@Parameter(label = "Include sub-folders", persist = false)
	private boolean recursive = false;
	@Parameter(label = "Output folder", required = false, persist = false)
	private String output_folder = "";
	@Parameter(label = "Overwrite existing outputs", persist = false)
	private boolean overwrite = false;
	@Parameter(label = "Annotated PNG per image", persist = false)
	private boolean annotated_png = true;
	@Parameter(label = "Threads (one network each)", min = "1", persist = false)
	private int threads = 1;
	@Parameter(label = "Model (bundled name or folder)", persist = false)
	private String model = "face68";
	@Parameter(label = "Flip averaging (also the mirror image: a little more accurate, twice the time)", required = false, persist = false)
	private boolean flip_averaging = false;
	@Parameter(label = "Device", choices = {"auto", "cpu", "gpu"}, persist = false)
	private String device = "auto";
	// Optional so that macros written before the detector existed still run (they get the detector).
	@Parameter(label = "Faces without a box", choices = {"Detect faces", "Whole image"}, required = false, persist = false)
	private String regions = "Detect faces";
	@Parameter(label = "Detector score threshold (0: the detector's own)", min = "0", max = "0.99", stepSize = "0.05", persist = false)
	private double score_threshold = 0;
	@Parameter(label = "Smallest face to find, pixels (0: faces down to about a twelfth of the image's short side)", min = "0",
			required = false, persist = false)
	private double min_face_size = 0;
	@Parameter(label = "Confirm faces (a second detector must agree: fewer false detections, ~0.1 s more per image)", required = false,
			persist = false)
	private boolean confirm_faces = false;
	@Parameter(label = "Face boxes CSV (optional)", required = false, persist = false)
	private String boxes_csv = "";

	public DetectLandmarksInFolderCommand() {
		super(TITLE);
	}

	@Override
	void execute() throws IOException {
		BatchOptions options = new BatchOptions(PathParameters.required(input_folder, "input_folder=<folder of images>"), file_pattern,
				recursive, PathParameters.required(output_folder, "output_folder=<folder for the results>"), overwrite, annotated_png,
				threads, model, Devices.choose(Devices.Preference.parse(device)), PathParameters.optional(boxes_csv), detection(),
				TestTimeAugmentation.of(flip_averaging));
		BatchSummary summary = new FolderBatch(options).run(new ProgressListener() {
			@Override
			public void progress(int done, int total, int failed, double remaining, String file) {
				status.showProgress(done, total);
				status.showStatus(String.format(Locale.ROOT, "LandmarkJ: %d/%d images, %d failed, about %s left (%s)", done, total,
						failed, duration(remaining), file));
			}

			@Override
			public void noFace(String image) {
				IJ.log(TITLE + ": " + image + ": no face found");
			}

			@Override
			public void warning(String message) {
				log.warn(TITLE + ": " + message);
				IJ.log(TITLE + ": warning: " + message);
			}
		}, Cancellation.ofCurrentThread());
		String message = TITLE + ": " + summary + "; results in " + output_folder;
		log.info(message);
		IJ.log(message);
		status.showStatus("LandmarkJ: " + summary);
		if (summary.cancelled()) {
			cancel("Cancelled: " + summary);
		}
	}

	/** The bundled detector (with box refinement) for "Detect faces", none for "Whole image". */
	DetectorSettings detection() {
		switch (regions == null ? FaceRegions.Source.DETECT_FACES : FaceRegions.Source.parse(regions)) {
			case DETECT_FACES:
				return DetectorSettings.bundled(score_threshold, min_face_size).withFacesConfirmed(confirm_faces);
			case WHOLE_IMAGE:
				return null;
			default:
				throw new IllegalArgumentException("regions=[" + regions + "] is not for folders: use [Detect faces] or [Whole image]");
		}
	}

	static String duration(double seconds) {
		if (!Double.isFinite(seconds)) {
			return "?";
		}
		long s = Math.round(seconds);
		return s < 60 ? s + " s" : s < 3600 ? s / 60 + " min " + s % 60 + " s" : s / 3600 + " h " + s % 3600 / 60 + " min";
	}
}
