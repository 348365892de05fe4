package io.github.landmarkj.ij;

import ai.djl.Device;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;
import ij.io.FileSaver;
import io.github.landmarkj.core.FaceAnalysis;
import io.github.landmarkj.core.FaceBox;
import io.github.landmarkj.engine.LandmarkDetector;
import io.github.landmarkj.io.ImageFiles;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * Makes docs/demo-overlay.png, the README's picture: the bundled model on the demo photo, drawn by the
 * same overlay code as the Detect Landmarks command and flattened by ImageJ. An example, not a test:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.github.landmarkj.ij.DemoOverlayImage}.
 */
public final class DemoOverlayImage {
	private DemoOverlayImage() {
	}

	public static void main(String[] args) throws Exception {
		// Crop to the head and enlarge first, so that points and lines are drawn at README size.
		ImagePlus photo = IJ.openImage("samples/astronaut.png");
		photo.setRoi(130, 40, 190, 190);
		ImageProcessor crop = photo.crop().getProcessor();
		crop.setInterpolationMethod(ImageProcessor.BILINEAR);
		// ImageProcessor.resize rather than IJ.run("Size..."), which needs ImageJ's menus and so a display.
		ImagePlus imp = new ImagePlus("astronaut", crop.resize(380, 380));
		FaceBox box = new FaceBox((179 - 130) * 2, (88 - 40) * 2, 90 * 2, 92 * 2);
		try (LandmarkDetector detector = LandmarkDetector.open("face68", Device.cpu())) {
			List<FaceAnalysis> faces = detector.analyse(ImagePlusAdapter.currentPlane(imp), Collections.singletonList(box));
			LandmarkOverlay.add(imp, Collections.singletonList(new PlaneFaces(Plane.of(imp, 1), faces)), detector.modelPackage().spec().scheme);
		}
		ImagePlus head = imp.flatten();
		Path out = Path.of(args.length > 0 ? args[0] : "docs/demo-overlay.png");
		new FileSaver(head).saveAsPng(out.toString());
		System.out.println("Wrote " + out + " (" + ImageFiles.read(out).width() + " px)");
	}
}
