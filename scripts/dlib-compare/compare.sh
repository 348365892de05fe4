#!/usr/bin/env bash
# LandmarkJ against dlib's 68-point shape predictor in one run (issue 12): accuracy on the fixed validation split
# with the same tight ground-truth boxes, then interleaved timing rounds; prints a markdown table.
# Builds what is missing (the dlib runner, LandmarkJ's test classes), then runs DlibComparisonBench (test sources).
# Usage: scripts/dlib-compare/compare.sh [--model NAME_OR_DIR] [--flip] [--rounds 5] [--repeats 3] [--timing-faces 64]
#        [--torch-threads 1] [--accuracy-only] [--data DIR] [--dlib-model PATH]
# Needs: apt-get install libdlib-dev libdlib-data; Java 17 and Maven; ../shared/data beside the project.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNNER=target/dlib-compare/dlib_landmarks
if [ ! -x "$RUNNER" ]; then
  scripts/dlib-compare/build.sh "$RUNNER"
fi
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  io.github.landmarkj.eval.DlibComparisonBench --dlib-runner "$RUNNER" "$@"
