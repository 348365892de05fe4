#!/usr/bin/env bash
# Trains the bundled face68 model and its two ablations on ../shared/data/face68/train.
# Resumable: run it again after an interruption and each run continues from its checkpoint.
# Usage: scripts/train-face68.sh [EPOCHS] [ABLATION_EPOCHS] [FINE_TUNING_EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-50}
ABL=${2:-12}
FINE=${3:-20}
DATA=../shared/data/face68/train
mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
# A private copy of the classes: rebuilding the project during a run of hours must not pull them away.
rm -rf target/train-classes && cp -r target/classes target/train-classes
CP="target/train-classes:$(cat target/classpath.txt)"
run() { java -Xmx10g -Dai.djl.offline=true -cp "$CP" io.github.landmarkj.cli.Main train --data "$DATA" "$@"; }
if [ ! -f models/face68/model.json ]; then
  # Stage 1: from scratch. Stage 2: a second warm-up + cosine cycle at a quarter of the learning rate.
  [ -f target/face68-stage1/model.json ] ||
    run --output target/face68-stage1 --epochs "$EPOCHS" --checkpoints target/face68-checkpoints --resume
  run --output models/face68 --init target/face68-stage1 --epochs "$FINE" --lr 0.0005 \
      --checkpoints target/face68-ft-checkpoints --resume
fi
# Ablation: same data, same (shorter) budget for each variant.
mkdir -p target/ablation
for variant in full:0.25:32 no-attention:0.25:0 plain-conv:0:32; do
  IFS=: read -r name alpha att <<<"$variant"
  [ -f "target/ablation/$name/model.json" ] && continue
  run --output "target/ablation/$name" --epochs "$ABL" --alpha "$alpha" --attention "$att" \
      --checkpoints "target/ablation/$name-checkpoints" --resume
done
