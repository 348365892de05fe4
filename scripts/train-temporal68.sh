#!/usr/bin/env bash
# Trains the bundled temporal68 model: records synthetic videos of ../shared/data/face68/train through the
# face68 per-frame model (cached in target/temporal68-sequences), tunes the One-Euro filter on the training
# videos, trains the GRU and compares raw / filter / learned on the held-out videos (validation faces).
# Resumable: recorded sequences are kept (one file each) and training continues from its checkpoint.
# Usage: scripts/train-temporal68.sh [TRAIN_SEQUENCES] [HELD_OUT_SEQUENCES] [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/.."
TRAIN=${1:-150}
HELD=${2:-150}
EPOCHS=${3:-50}
DATA=../shared/data/face68/train
CACHE=target/temporal68-sequences
mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
rm -rf target/temporal-classes && cp -r target/classes target/temporal-classes
CP="target/temporal-classes:$(cat target/classpath.txt)"
# One thread each: on a shared 2-core machine libtorch's default threads made the per-frame network 50x slower.
export OMP_NUM_THREADS=1
run() { java -Xmx4g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "$CP" io.github.landmarkj.cli.Main train-temporal --data "$DATA" --cache "$CACHE" "$@"; }
# The two sequence sets are recorded side by side (one process each), then the model is trained.
run --output target/temporal68 --sequences "$TRAIN" --validation-sequences 0 --sequences-only &
run --output target/temporal68 --sequences 0 --validation-sequences "$HELD" --sequences-only
wait
[ -f models/temporal68/model.json ] && exit 0
run --output target/temporal68 --sequences "$TRAIN" --validation-sequences "$HELD" --epochs "$EPOCHS" --batch 8 \
  --checkpoints target/temporal68-checkpoints --resume
mkdir -p models/temporal68
cp target/temporal68/weights.params target/temporal68/training-log.txt models/temporal68/
cp target/temporal68/model.json models/temporal68/
