// LandmarkJ: faces tracked through a video, headless-friendly.
// Opens an AVI (uncompressed or MJPEG, as ImageJ reads them) or a folder of frames (name order), runs
// Track Landmarks on it and writes <video>.csv into the output folder: one row per frame and face with
// frame, face_id, timestamp, confidence, success, pitch, yaw, roll, x_0..x_67, y_0..y_67 (0-based pixels).
// The Results table holds the same rows.
// Fiji, from the LandmarkJ folder:
//   ImageJ-linux64 --headless --console -macro macros/track_video.ijm "input=/data/talk.avi output=/tmp/talk-out"
// Arguments (key=value; [brackets] around values with spaces):
//   input=<AVI file or folder of frames>   required
//   output=<folder>  default landmarkj-track in the temp folder
//   model=<name or model folder>   default face68
//   temporal=filter|learned|none   smoothing of each face's track, default filter (One-Euro; learned = the temporal68 model)
//   detect_every=<n>   run the face detector every n frames, default 10
args = getArgument();
input = call("ij.Macro.getValue", args, "input", "");
output = call("ij.Macro.getValue", args, "output", getDirectory("temp") + "landmarkj-track");
model = call("ij.Macro.getValue", args, "model", "face68");
temporal = call("ij.Macro.getValue", args, "temporal", "filter");
every = call("ij.Macro.getValue", args, "detect_every", "10");
if (input == "")
	exit("track_video.ijm needs input=<AVI file or folder of frames>");
if (File.isDirectory(input))
	File.openSequence(input, " sort");
else
	open(input);
run("Track Landmarks", "temporal=" + temporal + " detect_every=" + every + " fps=0 model=[" + model + "] device=auto add_overlay=true show_results=true pose_plot=false output_folder=[" + output + "] overwrite=true");
print("Track Landmarks: " + nResults + " rows (frames x faces) for " + getTitle());
