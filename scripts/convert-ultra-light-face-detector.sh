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
# Usage: scripts/convert-ultra-light-face-detector.sh [SOURCE_FOLDER]
#   SOURCE_FOLDER holds version-RFB-320.pth and version-RFB-320_without_postprocessing.onnx from
#   github.com/Linzaer/Ultra-Light-Fast-Generic-Face-Detector-1MB at commit
#   dffdddda9794a50607cba8f318507a28c1c27cab (default ../shared/data/pretrained/ultra-light-face-detector).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=${1:-../shared/data/pretrained/ultra-light-face-detector}
OUT=models/face-detector
mkdir -p target/ultra-light "$OUT"
python3 scripts/convert_ultra_light_face_detector.py "$SRC/version-RFB-320.pth" \
  "$SRC/version-RFB-320_without_postprocessing.onnx" samples/astronaut.png target/ultra-light/rfb320.tensors \
  src/test/resources/io/github/landmarkj/net/ultra-light-rfb320-reference.json
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  io.github.landmarkj.detect.ImportUltraLightWeights target/ultra-light/rfb320.tensors "$OUT/weights.params"
cp "$SRC/LICENSE" "$OUT/LICENSE"
echo "SHA-256 of $OUT/weights.params (model.json weights.sha256):"
sha256sum "$OUT/weights.params"
echo "SHA-256 of the source weights (model.json source.sha256):"
sha256sum "$SRC/version-RFB-320.pth"
