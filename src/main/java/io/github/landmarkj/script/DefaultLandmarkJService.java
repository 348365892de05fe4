package io.github.landmarkj.script;

import io.github.landmarkj.core.FaceAnalysis;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.imglib2.AdaptedImage;
import io.github.landmarkj.imglib2.ImgLib2Adapter;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.script.ScriptService;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link LandmarkJService} of a SciJava context. Networks are not thread-safe, so each call borrows
 * a worker (landmark model, and face detector when needed) from a pool: two calls at once run on two
 * workers; a finished call's worker waits for the next call with the same options, so that a script
 * looping over images opens the model once. {@link #dispose()} closes them all.
 */
@Plugin(type = Service.class)
public final class DefaultLandmarkJService extends AbstractService implements LandmarkJService {
	@Parameter
	private LogService log;
	@Parameter
	private ScriptService scripts;

	private final WorkerPool<LandmarkJOptions.NetworkChoice, NetworkWorker> pool = new WorkerPool<>(NetworkWorker::open,
			Math.max(1, Runtime.getRuntime().availableProcessors()), e -> log.warn("LandmarkJ: closing a network failed", e));

	@Override
	public void initialize() {
		// Short names for script parameters (#@ Img image, #@output ImageLandmarks landmarks), also where
		// no ImageJ library has declared the ImgLib2 ones.
		for (Class<?> type : new Class<?>[] {ImageLandmarks.class, FaceLandmarks.class, LandmarkJOptions.class, FaceBox.class,
				Img.class, RandomAccessibleInterval.class}) {
			scripts.addAlias(type);
		}
	}

	@Override
	public ImageLandmarks detect(RandomAccessibleInterval<?> image) throws IOException {
		return detect(image, null, null);
	}

	@Override
	public ImageLandmarks detect(RandomAccessibleInterval<?> image, List<FaceBox> boxes) throws IOException {
		return detect(image, boxes, null);
	}

	@Override
	public ImageLandmarks detect(RandomAccessibleInterval<?> image, List<FaceBox> boxes, LandmarkJOptions options) throws IOException {
		LandmarkJOptions opts = options == null ? options() : options;
		AdaptedImage input = ImgLib2Adapter.toRgbImage(image, opts.intensityRange());
		if (input.nonFinitePixels() > 0) {
			log.warn("LandmarkJ: " + input.nonFinitePixels() + " pixel value(s) of the image are NaN or infinite: the face detector sees "
					+ "them as black, and a face whose crop reads one is refused (as on the command line and in Fiji)");
		}
		List<FaceBox> regions = boxes == null ? null : inAdaptedImage(boxes, input);
		List<FaceAnalysis> found;
		LandmarkScheme scheme;
		String origin;
		try (WorkerPool<LandmarkJOptions.NetworkChoice, NetworkWorker>.Lease lease = pool.borrow(opts.networkChoice())) {
			NetworkWorker worker = lease.worker();
			try {
				found = worker.analyse(input.rgb(), regions);
			} catch (IllegalArgumentException e) {
				throw e; // input refused before the network ran: the worker is fine
			} catch (IOException | RuntimeException e) {
				lease.discard(); // a network that failed mid-call is not lent again
				throw e;
			}
			scheme = worker.landmarks().modelPackage().spec().scheme;
			origin = worker.landmarks().origin();
		}
		return new ImageLandmarks(found, input.rgb().width(), input.rgb().height(), input.minX(), input.minY(), scheme,
				input.nonFinitePixels(), origin);
	}

	/** Boxes given in the image's coordinates, moved to the adapted image's (whose (0, 0) is the min corner). */
	private static List<FaceBox> inAdaptedImage(List<FaceBox> boxes, AdaptedImage input) {
		List<FaceBox> out = new ArrayList<>(boxes.size());
		for (FaceBox b : boxes) {
			if (b == null) {
				throw new IllegalArgumentException("A face box is null");
			}
			out.add(new FaceBox(b.x - input.minX(), b.y - input.minY(), b.width, b.height, b.score));
		}
		return out;
	}

	@Override
	public void dispose() {
		pool.close();
	}
}
