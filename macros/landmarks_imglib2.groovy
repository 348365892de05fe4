#@ LandmarkJService lj
#@ Img image
#@ String (label = "Face boxes: x,y,width,height; ... (empty: detect faces)", value = "", required = false, persist = false) face_boxes
#@ String (label = "Model (bundled name or folder)", value = "face68", persist = false) model
#@ String (label = "Device", choices = {"auto", "cpu", "gpu"}, value = "auto", persist = false) device
#@output ImageLandmarks landmarks
#@output Img heatmaps
#@output Img occlusion

// LandmarkJ from a script, over ImgLib2 images: the 68 landmarks of the faces in the current image.
// Fiji: open an image (grey or RGB, one plane), File > Open... this script, Run. Fiji shows the two
// outputs, the heat maps and the occlusion map, as images the size of the input.
//   image       the current image (a Dataset, which is an Img); any pixel type, grey or RGB
//   face_boxes  "179,88,90,92" (the demo photo's face), several separated by ";"; empty: the face detector
//               finds the faces (boxes are the tight box of the face's landmarks, as the model was trained)
// Outputs: landmarks (io.github.landmarkj.script.ImageLandmarks: faces, points, confidences, occluded
// flags), heatmaps (x, y, point: one plane per point, then their maximum), occlusion (x, y: 0-1).

import io.github.landmarkj.core.FaceBox

def boxes = null
if (face_boxes?.trim()) {
	boxes = face_boxes.split(";").collect { text ->
		def v = text.split(",")*.trim()
		if (v.size() != 4) {
			throw new IllegalArgumentException("A face box is x,y,width,height; got '" + text.trim() + "'")
		}
		new FaceBox(v[0] as double, v[1] as double, v[2] as double, v[3] as double)
	}
}

landmarks = lj.detect(image, boxes, lj.options().withModel(model).withDevice(device))
println "LandmarkJ: " + landmarks
for (face in landmarks.faces()) {
	def occluded = (0..<face.size()).count { face.occluded(it) }
	println String.format("face %d at %s: mean confidence %.2f, %d point(s) occluded, %s", face.index(), face.box(),
			face.meanConfidence(), occluded, face.pose())
	// Eye corners, nose tip and mouth corners of the 68-point scheme (0-based indices).
	def shown = face.size() == 68 ? [36, 39, 42, 45, 30, 48, 54] : (0..<face.size())
	for (i in shown) {
		println String.format("  %2d %-24s x=%7.2f y=%7.2f confidence=%.2f%s", i, face.pointName(i), face.x(i), face.y(i),
				face.confidence(i), face.occluded(i) ? " (occluded)" : "")
	}
}
heatmaps = landmarks.heatmapImage()
occlusion = landmarks.occlusionImage()
