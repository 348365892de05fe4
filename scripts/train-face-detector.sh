#!/usr/bin/env bash
# Trains the bundled face detector on ../shared/data/face68/train (see models/face-detector/CARD.md).
# Resumable: run it again after an interruption and it continues from its checkpoint.
# Usage: scripts/train-face-detector.sh [EPOCHS] [CANVAS] [OUTPUT]
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-40}
CANVAS=${2:-256}
OUT=${3:-models/face-detector}
mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
# A private copy of the classes: rebuilding the project during a long run must not pull them away.
rm -rf target/train-detector-classes && cp -r target/classes target/train-detector-classes
CP="target/train-detector-classes:$(cat target/classpath.txt)"
java -Xmx8g -Dai.djl.offline=true -cp "$CP" io.github.landmarkj.cli.Main train-detector \
  --data ../shared/data/face68/train --output "$OUT" --overwrite --epochs "$EPOCHS" --canvas "$CANVAS" \
  --canvases-per-epoch 800 --checkpoints "target/$(basename "$OUT")-checkpoints" --resume
