package io.github.landmarkj.script;

import io.github.landmarkj.core.FaceBox;
import net.imglib2.RandomAccessibleInterval;
import org.scijava.service.SciJavaService;

import java.io.IOException;
import java.util.List;

/**
 * LandmarkJ for scripts, over ImgLib2 images: {@code #@ LandmarkJService lj} in a Fiji script, then
 * {@code lj.detect(image)}. The image is one 2-D plane of any real type (grey) or RGB, as ARGBType or with
 * three channels in the third dimension; a Fiji {@code Dataset} or {@code Img} is one (see
 * {@link io.github.landmarkj.imglib2.ImgLib2Adapter} for how values are read). Safe to call from several
 * scripts at once: each call gets networks of its own, which later calls reuse; they are closed when the
 * context is disposed.
 */
public interface LandmarkJService extends SciJavaService {
	/** The faces the bundled face detector finds, with the default options. */
	ImageLandmarks detect(RandomAccessibleInterval<?> image) throws IOException;

	/**
	 * @param boxes face regions in the image's coordinates (the tight box of the face's landmarks, as the
	 *        model was trained: x, y, width, height); null to let the face detector find the faces; empty for none
	 */
	ImageLandmarks detect(RandomAccessibleInterval<?> image, List<FaceBox> boxes) throws IOException;

	/** @param options model, device, detector threshold, intensity range; null for {@link #options()} */
	ImageLandmarks detect(RandomAccessibleInterval<?> image, List<FaceBox> boxes, LandmarkJOptions options) throws IOException;

	/** The default options, to change with their {@code with...} methods. */
	default LandmarkJOptions options() {
		return LandmarkJOptions.defaults();
	}
}
