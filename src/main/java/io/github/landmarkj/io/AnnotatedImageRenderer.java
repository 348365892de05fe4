package io.github.landmarkj.io;

import io.github.landmarkj.core.FaceResult;
import io.github.landmarkj.core.HeadPoseEstimator;
import io.github.landmarkj.core.PoseFit;
import io.github.landmarkj.core.LandmarkGroup;
import io.github.landmarkj.core.LandmarkScheme;
import io.github.landmarkj.core.Landmarks;
import io.github.landmarkj.core.Point2;
import io.github.landmarkj.core.RgbImage;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws landmarks onto a copy of an image, for annotated PNGs: the global contour (jaw) in one colour,
 * the local features (brows, nose, eyes, lips) in another, occluded points as hollow red circles, and
 * the face box thin and grey, and for schemes with a 3-D mean face the head axes at the nose tip (red: the
 * subject's left, green: down the face, blue: out of the face). Line widths follow the face size.
 */
public final class AnnotatedImageRenderer {
	public static final Color GLOBAL = new Color(255, 200, 0);
	public static final Color LOCAL = new Color(0, 230, 255);
	public static final Color OCCLUDED = new Color(255, 60, 60);
	public static final Color BOX = new Color(200, 200, 200);

	private AnnotatedImageRenderer() {
	}

	public static BufferedImage render(RgbImage image, List<FaceResult> faces, LandmarkScheme scheme) {
		BufferedImage out = ImageFiles.toBufferedImage(image);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		HeadPoseEstimator poses = HeadPoseEstimator.forScheme(scheme);
		for (FaceResult face : faces) {
			Landmarks l = face.landmarks();
			double size = Math.max(face.box().width, face.box().height);
			float stroke = (float) Math.max(1, size / 150);
			double radius = Math.max(1.5, size / 90);
			g.setStroke(new BasicStroke(stroke));
			g.setColor(BOX);
			g.draw(new Rectangle2D.Double(face.box().x, face.box().y, face.box().width, face.box().height));
			for (LandmarkGroup group : scheme.groups()) {
				g.setColor(group.global ? GLOBAL : LOCAL);
				int end = group.closed ? group.last + 1 : group.last;
				for (int i = group.first; i < end; i++) {
					int j = i == group.last ? group.first : i + 1;
					Point2 a = l.point(i), b = l.point(j);
					g.draw(new Line2D.Double(a.x, a.y, b.x, b.y));
				}
			}
			for (int i = 0; i < l.size(); i++) {
				Point2 p = l.point(i);
				Ellipse2D dot = new Ellipse2D.Double(p.x - radius, p.y - radius, 2 * radius, 2 * radius);
				if (l.occluded(i)) {
					g.setColor(OCCLUDED);
					g.draw(dot);
				} else {
					LandmarkGroup group = scheme.groupOf(i);
					g.setColor(group != null && group.global ? GLOBAL : LOCAL);
					g.fill(dot);
				}
			}
			if (poses != null && poses.canFit(l.points())) {
				PoseFit fit = poses.fit(l.points());
				Point2[] axes = fit.axes(poses.meanFace().point(HeadPoseEstimator.IBUG68_NOSE_TIP), 0.5);
				Color[] colours = {Color.RED, Color.GREEN, Color.BLUE};
				g.setStroke(new BasicStroke(2 * stroke));
				for (int k = 0; k < 3; k++) {
					g.setColor(colours[k]);
					g.draw(new Line2D.Double(axes[0].x, axes[0].y, axes[k + 1].x, axes[k + 1].y));
				}
			}
		}
		g.dispose();
		return out;
	}
}
