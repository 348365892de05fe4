// LandmarkJ: landmarks for every image of a folder, headless-friendly.
// Per image <name>.csv, .json, .pts and <name>_annotated.png; summary.csv and errors.csv for the batch.
// Faces are found by the bundled face detector (regions=[Detect faces]); regions=[Whole image] analyses each
// image whole instead (for images that are face crops). An image without a face gets a CSV/JSON without faces.
// Fiji, from the LandmarkJ folder:
//   ImageJ-linux64 --headless --console -macro macros/detect_folder.ijm "input=/data/faces output=/tmp/faces-out"
// Arguments (key=value; [brackets] around values with spaces):
//   input=<folder>   default samples under the folder Fiji was started from
//   output=<folder>  default landmarkj-batch in the temp folder
//   model=<name or model folder>   default face68
//   threads=<n>      default 1 (each thread loads its own network)
args = getArgument();
input = call("ij.Macro.getValue", args, "input", getDirectory("cwd") + "samples");
output = call("ij.Macro.getValue", args, "output", getDirectory("temp") + "landmarkj-batch");
model = call("ij.Macro.getValue", args, "model", "face68");
threads = call("ij.Macro.getValue", args, "threads", "1");

run("Detect Landmarks in Folder", "input_folder=[" + input + "] file_pattern=[*.{jpg,jpeg,png,tif,tiff}] recursive=false output_folder=[" + output + "] overwrite=false annotated_png=true threads=" + threads + " model=[" + model + "] device=auto regions=[Detect faces] score_threshold=0 boxes_csv=[]");
