#!/bin/sh
# Times this tree's build against an earlier commit's in one process, interleaved (engine/BuildComparisonBench,
# test sources): face detection on a 640 x 480 AFW photo, landmarks of the faces found, one face at batch 1 and
# per face of 16 at batch 16; medians and fastest of wall time and thread CPU time, and the ratios B / A.
#
# Usage, from the repository's folder:  scripts/compare-builds.sh BASE_COMMIT [RUNS] [THREADS]
#   e.g. scripts/compare-builds.sh 153d673 60 1
# BASE_COMMIT is exported with git archive (the repository is not changed) and compiled under target/;
# this tree is compiled as it is. RUNS (default 60) rounds after 20 warm-up rounds; THREADS libtorch intra-op
# threads (default 1: steadier on a shared machine; the cores of an idle machine for its best figure).
# Data: ../shared/data (detection/afw-photos). Needs Maven's offline repository (-o) and DJL's libtorch cache.
set -eu
base=${1:?usage: scripts/compare-builds.sh BASE_COMMIT [RUNS] [THREADS]}
runs=${2:-60}
threads=${3:-1}
work=target/compare-builds/$(git rev-parse --short "$base")
rm -rf "$work"
mkdir -p "$work"
git archive "$base" | tar -x -C "$work"
echo "Compiling $base in $work and this tree ..."
(cd "$work" && mvn -B -o -q compile)
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/compare-builds/classpath.txt
uptime
OMP_NUM_THREADS=$threads java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
	-cp "target/test-classes:target/classes:$(cat target/compare-builds/classpath.txt)" \
	io.github.landmarkj.engine.BuildComparisonBench "$work/target/classes" target/classes ../shared/data "$runs"
uptime
