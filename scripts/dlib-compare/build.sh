#!/usr/bin/env bash
# Builds the dlib comparison runner (scripts/dlib-compare/dlib_landmarks.cpp) with g++ -O3 against Debian's
# dlib (apt-get install libdlib-dev libdlib-data; dlib 19.24 in Debian 12). Not part of the product.
# Usage: scripts/dlib-compare/build.sh [OUTPUT]   (default target/dlib-compare/dlib_landmarks; never the source tree)
# CXXFLAGS adds compiler flags (e.g. CXXFLAGS=-march=native; the default is the distribution's generic x86-64).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-target/dlib-compare/dlib_landmarks}
case "$(realpath -m "$OUT")" in
  "$(realpath scripts)"/*|"$(realpath src)"/*) echo "build.sh: $OUT is in the source tree; give a path under target/ or elsewhere" >&2; exit 2 ;;
esac
if ! pkg-config --exists dlib-1; then
  echo "build.sh: dlib's development files are missing: apt-get install libdlib-dev libdlib-data" >&2
  exit 1
fi
mkdir -p "$(dirname "$OUT")"
# libdlib carries its own JPEG/PNG readers. Debian's dlib is configured with BLAS (dlib/config.h), so its
# headers refer to BLAS and LAPACK; dlib-1.pc names libblas.so and liblapack.so, which only the -dev packages
# install: link the runtime libraries libdlib itself depends on (libblas.so.3, liblapack.so.3) instead. The shape predictor uses neither.
# shellcheck disable=SC2046,SC2086
g++ -std=c++14 -O3 -DNDEBUG ${CXXFLAGS:-} $(pkg-config --cflags dlib-1) scripts/dlib-compare/dlib_landmarks.cpp \
  -o "$OUT" -ldlib -l:liblapack.so.3 -l:libblas.so.3 -lpthread
echo "Built $OUT (dlib $(pkg-config --modversion dlib-1)); model: /usr/share/dlib/shape_predictor_68_face_landmarks.dat"
