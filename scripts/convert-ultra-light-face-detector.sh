#!/usr/bin/env bash
# Converts the published Ultra-Light-Fast-Generic-Face-Detector-1MB weights (version RFB, 320x240; MIT,
# copyright 2019 linzai) into the bundled face detector models/face-detector (see its CARD.md).
#   1. scripts/convert_ultra_light_face_detector.py (Python 3 with torch, numpy, onnxruntime; run once here,
#      never by the product): builds the published network, checks it against the published ONNX graph,
#      folds the batch norms, writes the convolutions as a tensor file, and writes the test fixture
#      src/test/resources/io/github/landmarkj/net/ultra-light-rfb320-reference.json.
#   2. ImportUltraLightWeights (Java, src/test): puts the tensors into UltraLightRfbNet and saves them as
#      DJL parameters, models/face-detector/weights.params.
#   3. Prints the SHA-256 that models/face-detector/model.json records for the weights.
# Usage: scripts/convert-ultra-light-face-detector.sh [SOURCE_FOLDER [VERSION [OUT_FOLDER]]]
#   SOURCE_FOLDER holds version-RFB-320.pth and version-RFB-320_without_postprocessing.onnx (and
#   version-RFB-640.pth) from github.com/Linzaer/Ultra-Light-Fast-Generic-Face-Detector-1MB at commit
#   dffdddda9794a50607cba8f318507a28c1c27cab (default ../shared/data/pretrained/ultra-light-face-detector).
#   VERSION 320 (default) or 640: the same network trained at 640x480 input. No ONNX graph of the 640
#   weights is published there, so its check against ONNX is skipped (the .pth still loads strictly); its
#   fixture goes beside the 320 one (ultra-light-rfb640-reference.json; UltraLightRfbNetTest checks the bundled
#   models/face-detector-640 against it). OUT_FOLDER defaults to
#   models/face-detector for 320 and target/face-detector-640 for 640; the bundled second opinion of
#   "confirm faces" is `scripts/convert-ultra-light-face-detector.sh SOURCE 640 models/face-detector-640`.
#   For 640 the script also writes OUT_FOLDER/model.json (the bundled detector's, with input 640 x 480, the
#   640 source, both SHA-256s and decoding.confirmation, the rule by which it confirms faces) and
#   target/<name of OUT_FOLDER>-at-320 (the same weights run at 320 x 240, no confirmation), the two folders
#   SecondOpinionStudy (test sources) compares with the bundled detector; OUT_FOLDER/CARD.md is kept if present.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=${1:-../shared/data/pretrained/ultra-light-face-detector}
VERSION=${2:-320}
case "$VERSION" in
  320) ONNX="$SRC/version-RFB-320_without_postprocessing.onnx"
       FIXTURE=src/test/resources/io/github/landmarkj/net/ultra-light-rfb320-reference.json
       OUT=${3:-models/face-detector} ;;
  640) ONNX=- FIXTURE=src/test/resources/io/github/landmarkj/net/ultra-light-rfb640-reference.json OUT=${3:-target/face-detector-640} ;;
  *) echo "VERSION must be 320 or 640, got $VERSION" >&2; exit 2 ;;
esac
mkdir -p target/ultra-light "$OUT"
python3 scripts/convert_ultra_light_face_detector.py "$SRC/version-RFB-$VERSION.pth" \
  "$ONNX" samples/astronaut.png "target/ultra-light/rfb$VERSION.tensors" "$FIXTURE"
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  io.github.landmarkj.detect.ImportUltraLightWeights "target/ultra-light/rfb$VERSION.tensors" "$OUT/weights.params"
cp "$SRC/LICENSE" "$OUT/LICENSE"
if [ "$VERSION" = 640 ]; then
  python3 - "$SRC/version-RFB-640.pth" "$OUT" <<'PY'
import hashlib, json, os, shutil, sys
pth, out = sys.argv[1], sys.argv[2]
sha = lambda f: hashlib.sha256(open(f, "rb").read()).hexdigest()
m = json.load(open("models/face-detector/model.json"))
m["name"] = "face-detector-640"
m["version"] = "1.0.0"
m["source"].update(name="Ultra-Light-Fast-Generic-Face-Detector-1MB, version RFB, 640 x 480",
                   file="models/pretrained/version-RFB-640.pth", sha256=sha(pth))
m["weights"]["sha256"] = sha(os.path.join(out, "weights.params"))
m["training"]["published_wider_face_val_ap_640x480"] = {"easy": 0.855, "medium": 0.822, "hard": 0.579}
m["training"].pop("published_wider_face_val_ap_320x240", None)
# The second opinion of "confirm faces" (detect/FaceConfirmation): chosen by SecondOpinionStudy on the AFW photos.
confirmation = {
    "min_iou": 0.3, "min_score": 0.764, "enlarge": False,
    "meaning": "as a second opinion (confirm faces), this detector runs on the whole image at its input size (never larger than "
               "the image unless enlarge) and confirms a found face box when one of its boxes, mapped by tight_box, overlaps it at "
               "IoU >= min_iou and scores >= min_score",
    "chosen": "on the 185 AFW photos (detection/afw-photos) by io.github.landmarkj.detect.SecondOpinionStudy (test sources): "
              "min_score on the even half of the photos, checked on the odd half; not held-out figures (see CARD.md)"}
at320 = os.path.join("target", os.path.basename(os.path.normpath(out)) + "-at-320")
for folder, (long_side, short_side) in ((out, (640, 480)), (at320, (320, 240))):
    os.makedirs(folder, exist_ok=True)
    m["face-detector"]["input"].update(long_side=long_side, short_side=short_side)
    if folder == out:
        m["face-detector"]["decoding"]["confirmation"] = confirmation
    else:
        m["face-detector"]["decoding"].pop("confirmation", None)
    with open(os.path.join(folder, "model.json"), "w") as f:
        json.dump(m, f, indent=1)
        f.write("\n")
    if folder != out:
        for name in ("weights.params", "LICENSE"):
            shutil.copy(os.path.join(out, name), folder)
    if not os.path.exists(os.path.join(folder, "CARD.md")):
        shutil.copy("models/face-detector/CARD.md", folder)
print("model.json written to %s and %s" % (out, at320))
PY
fi
echo "SHA-256 of $OUT/weights.params (model.json weights.sha256):"
sha256sum "$OUT/weights.params"
echo "SHA-256 of the source weights (model.json source.sha256):"
sha256sum "$SRC/version-RFB-$VERSION.pth"
