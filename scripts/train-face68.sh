#!/usr/bin/env bash
# Trains the bundled face68 model (2.0: three stages) and its ablation on ../shared/data/face68/train.
# Resumable: run it again after an interruption and each stage continues from its checkpoint.
# Usage: scripts/train-face68.sh [EPOCHS] [ABLATION_EPOCHS] [FINE_TUNING_EPOCHS] [STAGE3_EPOCHS]
#   Stage 1: EPOCHS (50) from scratch; stage 2: FINE_TUNING_EPOCHS (20), a second warm-up + cosine cycle at a
#   quarter of the learning rate (stages 1 + 2 are face68 1.1.0, trained without drawing styles);
#   stage 3: STAGE3_EPOCHS (44) at half the learning rate with drawing styles on 10% of the crops (face68 2.0).
#   Then the ablation: each variant from scratch for ABLATION_EPOCHS (12) with the same data and seed.
# One libtorch thread: on an idle 2-core AMD EPYC an epoch takes 85-87 s with one and 82-88 s with two (the
# augmentation thread needs the other core), and on a shared machine two threads are much slower (TORCH_THREADS).
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-50}
ABL=${2:-12}
FINE=${3:-20}
STAGE3=${4:-44}
THREADS=${TORCH_THREADS:-1}
DATA=../shared/data/face68/train
mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
# A private copy of the classes: rebuilding the project during a run of hours must not pull them away.
rm -rf target/train-classes && cp -r target/classes target/train-classes
CP="target/train-classes:$(cat target/classpath.txt)"
# glibc keeps freed native buffers for reuse instead of unmapping them after every step (with the defaults a
# training step faulted in thousands of fresh pages and spent up to 30% of its time in the kernel).
export MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-4294967296} MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-8589934592}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
run() {
  java -Xmx10g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$THREADS" -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$CP" io.github.landmarkj.cli.Main train --data "$DATA" "$@"
}
if [ ! -f models/face68/model.json ]; then
  [ -f target/face68-stage1/model.json ] ||
    run --output target/face68-stage1 --epochs "$EPOCHS" --drawing-styles 0 --model-version 1.0.0 --checkpoints target/face68-checkpoints --resume
  [ -f target/face68-stage2/model.json ] ||
    run --output target/face68-stage2 --init target/face68-stage1 --epochs "$FINE" --lr 0.0005 --drawing-styles 0 --model-version 1.1.0 \
        --checkpoints target/face68-ft-checkpoints --resume
  run --output models/face68 --init target/face68-stage2 --epochs "$STAGE3" --lr 0.001 --drawing-styles 0.1 --model-version 2.0.0 \
      --checkpoints target/face68-stage3-checkpoints --resume
fi
# Ablation: same data, same (shorter) budget for each variant.
mkdir -p target/ablation
for variant in full:0.25:32 no-attention:0.25:0 plain-conv:0:32; do
  IFS=: read -r name alpha att <<<"$variant"
  [ -f "target/ablation/$name/model.json" ] && continue
  run --output "target/ablation/$name" --epochs "$ABL" --alpha "$alpha" --attention "$att" \
      --checkpoints "target/ablation/$name-checkpoints" --resume
done
