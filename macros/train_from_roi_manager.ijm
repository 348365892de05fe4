// LandmarkJ: fine-tune a model on your own annotations in the ROI Manager.
// Before running: open your images; on each face place the model's 68 points with the multi-point tool,
// in the scheme's order (iBUG 300-W: jaw 1-17, brows 18-27, nose 28-36, eyes 37-48, lips 49-68), and add
// the selection to the ROI Manager (key T) while its image is active. A multi-point ROI with another
// number of points is skipped and listed in the Log. Training needs at least batch_size faces.
// Arguments (key=value): output=<model folder> (default landmarkj-model in the temp folder),
//   init=<bundled name or model folder> (default face68), epochs=<n> (default 20),
//   validation=<fraction of faces held out, 0-0.5> (default 0.125).
// Progress, loss and validation NME appear in a plot that updates every epoch; Esc stops after the
// current batch, keeping the last checkpoint in <output>-checkpoints (resume=true continues from it).
args = getArgument();
output = call("ij.Macro.getValue", args, "output", getDirectory("temp") + "landmarkj-model");
init = call("ij.Macro.getValue", args, "init", "face68");
epochs = call("ij.Macro.getValue", args, "epochs", "20");
validation = call("ij.Macro.getValue", args, "validation", "0.125");

run("Train Landmark Model", "data_source=[ROI Manager] data_folder=[] init_model=[" + init + "] epochs=" + epochs + " batch_size=2 learning_rate=0.0005 validation_fraction=" + validation + " output_folder=[" + output + "] device=auto resume=false overwrite=true");
print("Train Landmark Model: model written to " + output);
