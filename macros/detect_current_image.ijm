// LandmarkJ: the 68 landmarks of the face in one image.
// Opens the demo photo (or image=<file>), selects the face with a rectangle and runs Detect Landmarks:
// overlay, Results table, and CSV/.pts/JSON files in the output folder.
// Fiji, from the LandmarkJ folder:
//   ImageJ-linux64 --headless --console -macro macros/detect_current_image.ijm "output=/tmp/landmarks"
// Arguments (key=value, all optional; put [brackets] around values with spaces):
//   image=<file>     default samples/astronaut.png under the folder Fiji was started from
//   model=<name or model folder>   default face68
//   output=<folder>  default landmarkj-output in the temp folder
args = getArgument();
image = call("ij.Macro.getValue", args, "image", getDirectory("cwd") + "samples/astronaut.png");
model = call("ij.Macro.getValue", args, "model", "face68");
output = call("ij.Macro.getValue", args, "output", getDirectory("temp") + "landmarkj-output");

setBatchMode(true);
open(image);
// The face of the demo photo; with your own image, draw the rectangle instead, or let the face detector
// find the faces: regions=[Detect faces] (score_threshold=0 keeps the detector's own threshold).
makeRectangle(179, 88, 90, 92);
run("Detect Landmarks", "regions=[Current ROI] model=[" + model + "] planes=[Current plane] device=auto add_overlay=true add_to_roi_manager=false show_results=true heatmaps=false occlusion_map=false output_folder=[" + output + "] overwrite=true");
print("Detect Landmarks: " + nResults + " points; files in " + output);
