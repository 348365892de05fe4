#!/bin/sh
# The whole build's time, two commits back to back: `mvn -B -o clean verify` of commit A, then of commit B, ROUNDS
# times in turn (A B A B ...), each through scripts/build-times.py (wall time, load average before and after, each
# plugin step's seconds, slowest test classes). For issue 11's check "mvn -B verify not slower than before".
#
# Usage, from the repository's folder, on an otherwise idle machine:
#   scripts/verify-times.sh COMMIT_A [COMMIT_B] [ROUNDS]      e.g.  scripts/verify-times.sh 2c56bf7 main 1
# COMMIT_B defaults to HEAD, ROUNDS to 1. Each commit is exported with git archive into a folder beside this one
# (../verify-times-SHA, so that its tests find ../shared/data as they do here; the repository is not changed) and
# built there with Maven's offline repository. Failing tests do not stop a build (-Dmaven.test.failure.ignore):
# an old commit's tests may fail against today's data, and its build must still run every step to be compared.
# Logs: ../verify-times-SHA/build-times.log and ../verify-times-SHA.txt (the summary). Remove the folders after.
set -eu
a=${1:?usage: scripts/verify-times.sh COMMIT_A [COMMIT_B] [ROUNDS]}
b=${2:-HEAD}
rounds=${3:-1}
repo=$(pwd)
times="$repo/scripts/build-times.py"
export_commit() {
	sha=$(git rev-parse --short "$1")
	dir="$repo/../verify-times-$sha"
	if [ ! -d "$dir" ]; then
		mkdir "$dir"
		git archive "$sha" | tar -x -C "$dir"
	fi
	echo "$dir"
}
dir_a=$(export_commit "$a")
dir_b=$(export_commit "$b")
summary=""
i=1
while [ "$i" -le "$rounds" ]; do
	for dir in "$dir_a" "$dir_b"; do
		name=$(basename "$dir")
		echo "== round $i: $name ($(uptime))"
		(cd "$dir" && python3 "$times" -B -o clean verify -Dmaven.test.failure.ignore=true > "$dir.txt" 2>&1) || true
		head -n 1 "$dir.txt"
		grep -h "Tests run:.*Fail" "$dir/build-times.log" | grep -v " in " || true
		summary="$summary
round $i $name: $(head -n 1 "$dir.txt")"
	done
	i=$((i + 1))
done
echo
echo "Summary (wall time of mvn -B -o clean verify; full step lists in ../verify-times-*.txt):$summary"
