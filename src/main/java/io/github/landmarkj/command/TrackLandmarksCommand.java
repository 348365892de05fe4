package io.github.landmarkj.command;

import io.github.landmarkj.io.OutputFolders;
import ai.djl.Device;
import ij.ImagePlus;
import io.github.landmarkj.detect.DetectorSettings;
import io.github.landmarkj.engine.Devices;
import io.github.landmarkj.engine.TestTimeAugmentation;
import io.github.landmarkj.ij.Cancellation;
import io.github.landmarkj.ij.ImageJSession;
import io.github.landmarkj.ij.ImagePlusFrames;
import io.github.landmarkj.ij.PosePlot;
import io.github.landmarkj.ij.TrackOverlay;
import io.github.landmarkj.ij.TrackResultsTable;
import io.github.landmarkj.video.TrackCsv;
import io.github.landmarkj.video.TrackSmoother;
import io.github.landmarkj.video.TrackSmoothers;
import io.github.landmarkj.video.TrackerNetworks;
import io.github.landmarkj.video.TrackerSettings;
import io.github.landmarkj.video.TrackingResult;
import io.github.landmarkj.video.VideoTracking;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Plugins › LandmarkJ › Track Landmarks: faces followed through a stack, hyperstack (T, or Z without T)
 * or an AVI opened in Fiji; overlay per frame with face ids and head axes, Results table, pose plot, CSV.
 */
@Plugin(type = Command.class, menuPath = "Plugins>LandmarkJ>Track Landmarks")
public final class TrackLandmarksCommand extends LandmarkJCommand {
	static final String TITLE = "Track Landmarks";

	@Parameter(label = "Video (stack or hyperstack)")
	private ImagePlus image;
	@Parameter(label = "Temporal smoothing", choices = {"learned", "filter", "none"}, persist = false)
	private String temporal = TrackSmoothers.DEFAULT;
	@Parameter(label = "Run the face detector every N frames", min = "1", persist = false)
	private int detect_every = 10;
	@Parameter(label = "Confirm faces (a second detector must agree: fewer false detections, ~0.1 s more per detector run)", required = false,
			persist = false)
	private boolean confirm_faces = false;
	@Parameter(label = "Frames per second (0: the image's frame interval, else 30)", min = "0", persist = false)
	private double fps = 0;
	@Parameter(label = "Model (bundled name or folder)", persist = false)
	private String model = "face68";
	@Parameter(label = "Flip averaging (also the mirror image: a little more accurate, twice the time)", required = false, persist = false)
	private boolean flip_averaging = false;
	@Parameter(label = "Device", choices = {"auto", "cpu", "gpu"}, persist = false)
	private String device = "auto";
	@Parameter(label = "Add overlay", persist = false)
	private boolean add_overlay = true;
	@Parameter(label = "Show results table", persist = false)
	private boolean show_results = true;
	@Parameter(label = "Plot head pose over time", persist = false)
	private boolean pose_plot = true;
	@Parameter(label = "Output folder (track CSV; optional)", required = false, persist = false)
	private String output_folder = "";
	@Parameter(label = "Overwrite existing files", persist = false)
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus pose_plot_image;

	@Parameter
	private ImageJSession session;

	public TrackLandmarksCommand() {
		super(TITLE);
	}

	/** The bundled detector for the frames it searches. */
	DetectorSettings detection() {
		return DetectorSettings.bundled(0).withFacesConfirmed(confirm_faces);
	}

	@Override
	void execute() throws IOException {
		try {
			TrackSmoothers.check(temporal);
			TrackerSettings settings = TrackerSettings.defaults().withDetectEvery(detect_every);
			ImagePlusFrames frames = new ImagePlusFrames(image);
			double rate = fps > 0 ? fps : frames.framesPerSecond() > 0 ? frames.framesPerSecond() : 30;
			Path folder = PathParameters.optional(output_folder);
			if (folder != null) {
				OutputFolders.requireWritable(folder);
			}
			Path csv = folder == null ? null : folder.resolve(stem(image.getTitle()) + ".csv");
			if (csv != null && !overwrite && csv.toFile().exists()) {
				throw new java.nio.file.FileAlreadyExistsException(csv.toString());
			}
			Device chosen = Devices.choose(Devices.Preference.parse(device));
			try (TrackSmoother smoother = TrackSmoothers.open(temporal, chosen);
					TrackerNetworks networks = TrackerNetworks.open(model, detection(), chosen,
							TestTimeAugmentation.of(flip_averaging))) {
				status.showStatus("LandmarkJ: tracking faces on " + frames.frameCount() + " frames of " + image.getTitle());
				TrackingResult result = new VideoTracking(smoother, networks.poses()).run(frames, networks.tracker(settings), rate,
						(done, total, faces) -> status.showProgress(done, total), Cancellation.ofCurrentThread());
				if (add_overlay) {
					TrackOverlay.add(image, frames, result.tracks(), networks.poses());
				}
				if (show_results) {
					TrackResultsTable.fill(session.resultsTable(), result.tracks());
					TrackResultsTable.show(session.resultsTable(), "Results");
				}
				if (pose_plot && networks.poses() != null) {
					pose_plot_image = PosePlot.image("Head pose of " + image.getTitle(), result.tracks());
					if (!GraphicsEnvironment.isHeadless()) {
						pose_plot_image.show();
					}
				}
				if (csv != null) {
					TrackCsv.write(csv, result.tracks(), overwrite);
				}
				String summary = String.format(Locale.ROOT, "%d face track(s) on %d frames, %.1f frames per second", result.tracks().size(),
						result.frameCount, result.trackingFramesPerSecond());
				status.showStatus("LandmarkJ: " + summary);
				log.info(TITLE + ": " + summary);
			}
		} catch (CancellationException e) {
			cancel(e.getMessage());
			log.info(TITLE + ": " + e.getMessage());
		}
	}

	private static String stem(String title) {
		int dot = title.lastIndexOf('.');
		return dot > 0 ? title.substring(0, dot) : title;
	}
}
