package io.github.landmarkj.ij;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import io.github.landmarkj.core.LandmarkScheme;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Overlay, ROIs, Results and heat-map images from made-up outputs with known geometry. */
class LandmarkImageOutputsTest {
	private static final LandmarkScheme SCHEME = LandmarkScheme.ibug68();

	private static ImagePlus hyperstack() {
		ImagePlus imp = ij.IJ.createHyperStack("h", 300, 200, 1, 2, 3, 8);
		imp.setPosition(1, 2, 3);
		return imp;
	}

	@Test
	void overlayAddsPartsAndPointsPerFaceKeepsWhatWasThereAndTiesRoisToTheirPlane() {
		ImagePlus imp = hyperstack();
		Roi mine = new Roi(0, 0, 3, 3);
		imp.setOverlay(new Overlay(mine));
		Plane plane = Plane.current(imp);
		List<PlaneFaces> planes = List.of(new PlaneFaces(plane, List.of(SyntheticFaces.face(0, 20, 10), SyntheticFaces.face(1, 150, 30))));

		int added = LandmarkOverlay.add(imp, planes, SCHEME);

		Overlay o = imp.getOverlay();
		assertEquals(1 + added, o.size());
		assertTrue(o.contains(mine));
		// 9 parts + contour, feature and occluded points + 3 head axes, per face.
		assertEquals(2 * 15, added);
		Roi z = Arrays.stream(o.toArray()).filter(r -> "face1-z2-t3 head axis z".equals(r.getName())).findFirst().orElseThrow();
		assertEquals(Roi.LINE, z.getType());
		assertEquals(3, z.getTPosition());
		Roi jaw = Arrays.stream(o.toArray()).filter(r -> "face2-z2-t3 jaw".equals(r.getName())).findFirst().orElseThrow();
		assertEquals(Roi.POLYLINE, jaw.getType());
		assertEquals(LandmarkOverlay.GLOBAL, jaw.getStrokeColor());
		assertEquals(17, ((PolygonRoi) jaw).getNCoordinates());
		assertEquals(3, jaw.getTPosition());
		assertEquals(2, jaw.getZPosition());
		Roi eye = Arrays.stream(o.toArray()).filter(r -> "face1-z2-t3 right_eye".equals(r.getName())).findFirst().orElseThrow();
		assertEquals(Roi.POLYGON, eye.getType());
		assertEquals(LandmarkOverlay.LOCAL, eye.getStrokeColor());
		PointRoi hidden = (PointRoi) Arrays.stream(o.toArray()).filter(r -> "face1-z2-t3 occluded points".equals(r.getName())).findFirst().orElseThrow();
		assertEquals(8, hidden.size());
		assertEquals(LandmarkOverlay.OCCLUDED, hidden.getStrokeColor());
		// ImageJ puts pixel centres at +0.5.
		Roi firstJaw = Arrays.stream(o.toArray()).filter(r -> "face1-z2-t3 jaw".equals(r.getName())).findFirst().orElseThrow();
		assertEquals(SyntheticFaces.face(0, 20, 10).result().landmarks().point(0).x + 0.5, firstJaw.getFloatPolygon().xpoints[0], 1e-4);
	}

	@Test
	void roisAreNamedPerFaceAndPlaneWithAllPointsInOrder() {
		ImagePlus imp = hyperstack();
		List<Roi> rois = LandmarkRois.rois(List.of(new PlaneFaces(Plane.current(imp), List.of(SyntheticFaces.face(0, 0, 0),
				SyntheticFaces.face(1, 100, 0)))));
		assertEquals(2, rois.size());
		assertEquals("face2-z2-t3", rois.get(1).getName());
		PointRoi p = (PointRoi) rois.get(1);
		assertEquals(68, p.size());
		assertEquals(100 + 4 * SyntheticFaces.peak(67)[0] + 1.5 + 0.5, p.getFloatPolygon().xpoints[67], 1e-4);

		ImagePlus single = new ImagePlus("one", new ByteProcessor(50, 50));
		Roi r = LandmarkRois.roi(SyntheticFaces.face(0, 0, 0).result(), Plane.current(single));
		assertEquals("face1-t1", r.getName());
		assertEquals(0, r.getPosition());
	}

	@Test
	void resultsHaveOneRowPerPointWithCalibratedCoordinates() {
		ImagePlus imp = new ImagePlus("cal.tif", new ByteProcessor(300, 200));
		imp.getCalibration().pixelWidth = 2;
		imp.getCalibration().pixelHeight = 3;
		imp.getCalibration().xOrigin = 10;
		imp.getCalibration().setUnit("mm");
		ResultsTable rt = new ResultsTable();
		rt.incrementCounter();
		rt.addValue("old", 1);
		LandmarkResultsTable.fill(rt, imp, List.of(new PlaneFaces(Plane.current(imp), List.of(SyntheticFaces.face(0, 20, 10)))), SCHEME);
		assertEquals(68, rt.size());
		assertTrue(rt.getColumnIndex("old") == ResultsTable.COLUMN_NOT_FOUND);
		double x = rt.getValue("x", 5), y = rt.getValue("y", 5);
		assertEquals(SyntheticFaces.face(0, 20, 10).result().landmarks().point(5).x, x, 1e-9);
		assertEquals((x + 0.5 - 10) * 2, rt.getValue("x_cal", 5), 1e-9);
		assertEquals((y + 0.5) * 3, rt.getValue("y_cal", 5), 1e-9);
		assertEquals("mm", rt.getStringValue("unit", 5));
		assertEquals("jaw_6", rt.getStringValue("name", 5));
		assertEquals(6, rt.getValue("point", 5));
		assertEquals(1, rt.getValue("occluded", 67));
		assertEquals(0, rt.getValue("occluded", 0));
		assertEquals("cal.tif", rt.getStringValue("image", 0));
	}

	@Test
	void heatMapsLieOverTheImageAtTheirPoints() {
		ImagePlus imp = new ImagePlus("img", new ByteProcessor(300, 200));
		PlaneFaces pf = new PlaneFaces(Plane.current(imp), List.of(SyntheticFaces.face(0, 20, 10), SyntheticFaces.face(1, 160, 40)));
		ImagePlus maps = HeatmapImages.heatmaps(imp, pf, SCHEME);
		assertEquals(300, maps.getWidth());
		assertEquals(200, maps.getHeight());
		assertEquals(69, maps.getStackSize());
		assertEquals("jaw_1", maps.getStack().getSliceLabel(1));
		for (int k : new int[] {0, 30, 67}) {
			FloatProcessor fp = (FloatProcessor) maps.getStack().getProcessor(k + 1);
			for (double[] shift : new double[][] {{20, 10}, {160, 40}}) {
				int px = (int) Math.round(4 * SyntheticFaces.peak(k)[0] + 1.5 + shift[0]);
				int py = (int) Math.round(4 * SyntheticFaces.peak(k)[1] + 1.5 + shift[1]);
				assertTrue(fp.getf(px, py) > 0.5f, "peak of point " + k + " at " + px + "," + py);
			}
			assertEquals(0f, fp.getf(5, 5), "outside every crop");
		}
		FloatProcessor max = (FloatProcessor) maps.getStack().getProcessor(69);
		float[] first = (float[]) maps.getStack().getPixels(1);
		for (int i = 0; i < first.length; i++) {
			assertTrue(max.getf(i) >= first[i]);
		}
		assertNotNull(maps.getProcessor().getLut());
		assertEquals(1.0, maps.getDisplayRangeMax());

		ImagePlus occ = HeatmapImages.occlusion(imp, pf);
		assertEquals(0.25f, occ.getProcessor().getf(20 + 64, 10 + 64), 1e-6);
		assertEquals(0f, occ.getProcessor().getf(5, 199));
	}

	@Test
	void roiManagerRegionsFollowListOrderAndPlanePosition() {
		ImagePlus imp = ij.IJ.createImage("s", "8-bit", 100, 100, 3);
		Roi a = new Roi(10, 10, 20, 30);
		Roi b = new Roi(50, 50, 10, 10);
		b.setPosition(2);
		Roi line = new ij.gui.Line(0, 0, 5, 5);
		List<Roi> rois = List.of(a, line, b);
		assertEquals(1, FaceRegions.fromRois(rois, Plane.of(imp, 1)).size());
		assertEquals(2, FaceRegions.fromRois(rois, Plane.of(imp, 2)).size());
		assertEquals(50 - 0.5, FaceRegions.fromRois(rois, Plane.of(imp, 2)).get(1).x, 1e-9);
		assertEquals(30, FaceRegions.fromRoi(a).height, 1e-9);
	}
}
